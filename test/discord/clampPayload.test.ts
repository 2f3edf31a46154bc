import { checkMessageLimits } from "@steward/discord-sandbox";
import { describe, expect, it } from "vitest";
import { clampPayload } from "../../src/discord/views/clampPayload.ts";

// The sandbox applies Discord's limits as Discord does (50035): every clamped payload must pass them.
const fits = (payload: { content?: string; embeds?: unknown[] }) => () =>
  checkMessageLimits(clampPayload(payload) as Record<string, unknown>);

describe("one clamp for every embed", () => {
  it("keeps each finding of the real-server review within Discord's limits", () => {
    const links = Array.from({ length: 5 }, (_, i) => `https://example.org/${String(i).repeat(480)}`).join("\n");
    expect(fits({ embeds: [{ title: "Links", fields: [{ name: "Links", value: links }] }] })).not.toThrow();
    const tally = Array.from({ length: 10 }, (_, i) => `**${`Choice ${i} `.padEnd(80, "x")}** — 3 (10.0%)`).join("\n");
    expect(fits({ embeds: [{ title: "Live tally", fields: [{ name: "Tally", value: tally }] }] })).not.toThrow();
    const rubric = Array.from({ length: 12 }, (_, i) => ({ name: `Criterion ${i}`, value: "r".repeat(1000) }));
    expect(fits({ embeds: [{ title: "Evaluation", description: "d".repeat(3000), fields: rubric }] })).not.toThrow();
    const appeal = {
      title: "Appeal",
      description: "a".repeat(4000),
      fields: [{ name: "Reason", value: "b".repeat(1000) }],
    };
    expect(fits({ embeds: [appeal, { ...appeal, title: "Second pass" }] })).not.toThrow();
    // Unclamped, each of these is refused.
    expect(() => checkMessageLimits({ embeds: [{ fields: [{ name: "Links", value: links }] }] })).toThrow(/1024/);
    expect(() => checkMessageLimits({ embeds: [appeal, appeal] })).toThrow(/6000/);
  });
});
