import { describe, expect, it } from "vitest";
import { humanize, parseSlash, renderMessage, tokenize } from "../../src/sandbox/terminalClient.ts";

describe("the sandbox terminal client", () => {
  it("parses a slash command line the way a person types it", () => {
    const words = tokenize('as alice /contribute submit title:"Fix the \\"docs\\"" category:docs hours:2');
    expect(words).toEqual(["as", "alice", "/contribute", "submit", 'title:Fix the "docs"', "category:docs", "hours:2"]);
    expect(parseSlash(words.slice(2))).toEqual({
      command: "contribute submit",
      options: { title: 'Fix the "docs"', category: "docs", hours: "2" },
    });
    expect(() => tokenize('title:"open')).toThrow("a quote is not closed");
  });

  it("prints embeds and buttons readably", () => {
    const text = renderMessage({
      kind: "reply",
      ephemeral: true,
      content: "",
      embeds: [{ title: "Your contributions", description: "**#1** · Fix", footer: { text: "Page 1 of 2" } }],
      components: [
        {
          type: 1,
          components: [
            { type: 2, label: "Previous", custom_id: "p", disabled: true },
            { type: 2, label: "Next", custom_id: "n" },
          ],
        },
      ],
    });
    expect(text).toBe(
      [
        "── reply · only you can see this ──",
        "┌ Your contributions",
        "│ **#1** · Fix",
        "│ — Page 1 of 2",
        "└",
        "[Previous (disabled)] [Next]",
      ].join("\n"),
    );
  });

  it("shows names and dates instead of Discord's markup", () => {
    const names = {
      users: new Map([["11", "alice"]]),
      channels: new Map([["22", "contributions"]]),
      roles: new Map([["33", "Moderator"]]),
    };
    expect(humanize("<@11> posted in <#22> for <@&33> at <t:1795658328:f>; <@99> is unknown", names)).toBe(
      "@alice posted in #contributions for @Moderator at 2026-11-26 01:58 UTC; <@99> is unknown",
    );
  });
});
