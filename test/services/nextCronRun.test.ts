import cron from "node-cron";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextCronRun } from "../../src/services/epochs/nextCronRun.ts";

const EXPRESSIONS = [
  "0 0 * * 1",
  "0 0 * * MON",
  "* * * * *",
  "*/5 * * * * *",
  "30 4 * * 2",
  "0 0 1 * *",
  "15 3 L * *",
  "0 9 1,15 * 1",
  "0 12 29 2 *",
  "0 0 * * 1-5",
];

describe("the next time EPOCH_CRON closes the epoch", () => {
  afterEach(() => vi.useRealTimers());

  it("is the time node-cron itself runs next, for each of its next runs", () => {
    // node-cron counts from the wall clock: it is set to a few moments (a Monday, a month's end, a leap day's eve).
    for (const wall of [
      new Date(),
      new Date(2026, 11, 7, 0, 0, 0),
      new Date(2027, 0, 31, 23, 59, 58),
      new Date(2028, 1, 28, 12),
    ]) {
      vi.useFakeTimers({ toFake: ["Date"], now: wall });
      for (const expression of EXPRESSIONS) {
        const task = cron.createTask(expression, () => {});
        const theirs = task.getNextRuns(3).map((d) => d.toISOString());
        void task.destroy();
        const ours: string[] = [];
        let from = new Date();
        for (let i = 0; i < 3; i++) {
          const next = nextCronRun(expression, from);
          ours.push(next?.toISOString() ?? "none");
          if (next) from = next;
        }
        expect({ wall, expression, runs: ours }).toEqual({ wall, expression, runs: theirs });
      }
      vi.useRealTimers();
    }
  });

  it("counts from Steward's clock, not the wall clock, strictly after it", () => {
    // Monday 7 December 2026, local time (node-cron's, as Steward schedules it).
    const monday = new Date(2026, 11, 7, 1, 0, 0);
    expect(nextCronRun("0 0 * * 1", monday)).toEqual(new Date(2026, 11, 14));
    expect(nextCronRun("0 0 * * 1", new Date(2026, 11, 14))).toEqual(new Date(2026, 11, 21));
    expect(nextCronRun("0 0 * * 1", new Date(2026, 11, 13, 23, 59, 59))).toEqual(new Date(2026, 11, 14));
    expect(nextCronRun("30 4 * * 2", monday)).toEqual(new Date(2026, 11, 8, 4, 30));
    expect(nextCronRun("0 12 29 2 *", monday)).toEqual(new Date(2028, 1, 29, 12));
    // An answer kept for the watcher holds only until its time.
    expect(nextCronRun("0 0 * * 1", new Date(2026, 11, 14, 0, 0, 1))).toEqual(new Date(2026, 11, 21));
    expect(nextCronRun("0 0 * * 1", monday)).toEqual(new Date(2026, 11, 14));
  });

  it("is none for an expression node-cron refuses", () => {
    expect(nextCronRun("every monday", new Date())).toBeNull();
    expect(nextCronRun("0 0 31 2 *", new Date())).toBeNull();
  });
});
