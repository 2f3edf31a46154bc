import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { dueOffsets } from "../../src/services/reminders/sendDueReminders.ts";
import { testConfig } from "../helpers/testConfig.ts";

const H = 3_600_000;

describe("REMINDER_BEFORE", () => {
  it("parses durations to seconds, largest first, each once; off or empty disables; refuses nonsense", () => {
    // The product's default (tests run with reminders off unless they ask).
    expect(loadConfig({}).REMINDER_BEFORE).toEqual([86_400, 3_600]);
    expect(testConfig({ REMINDER_BEFORE: "10m, 2d,10m,30s" }).REMINDER_BEFORE).toEqual([172_800, 600, 30]);
    expect(testConfig({ REMINDER_BEFORE: "off" }).REMINDER_BEFORE).toEqual([]);
    expect(testConfig({ REMINDER_BEFORE: " " }).REMINDER_BEFORE).toEqual([]);
    expect(() => testConfig({ REMINDER_BEFORE: "24h,soon" })).toThrow(/REMINDER_BEFORE: .*"soon" is not one/);
    expect(() => testConfig({ REMINDER_BEFORE: "500ms" })).toThrow(/REMINDER_BEFORE/);
    expect(() => testConfig({ REMINDER_BEFORE: "91d" })).toThrow(/more than 90d/);
  });
});

describe("which reminders of a vote are due", () => {
  const openedAt = new Date(0);
  const endsAt = new Date(48 * H);
  const at = (h: number) => new Date(h * H);

  it("none before the first offset, then each as its time comes, and none once the vote ended", () => {
    expect(dueOffsets([86_400, 3_600], { openedAt, endsAt }, at(23.9))).toEqual([]);
    expect(dueOffsets([86_400, 3_600], { openedAt, endsAt }, at(24))).toEqual([86_400]);
    expect(dueOffsets([86_400, 3_600], { openedAt, endsAt }, at(47.5))).toEqual([86_400, 3_600]);
    expect(dueOffsets([86_400, 3_600], { openedAt, endsAt }, at(48))).toEqual([]);
  });

  it("never an offset at or before the vote opened (a 24h reminder of a 2h vote)", () => {
    const short = { openedAt, endsAt: new Date(2 * H) };
    expect(dueOffsets([86_400, 7_200, 3_600], short, at(1.5))).toEqual([3_600]);
  });
});
