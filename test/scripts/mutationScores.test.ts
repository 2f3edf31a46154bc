import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type MutationReport, type ScoresFile, scoreOf, updateScores } from "../../scripts/mutation-scores.ts";

const mutants = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

describe("mutation scores", () => {
  it("scores as Stryker does: killed and timed-out mutants over the valid ones", () => {
    const score = scoreOf(
      mutants({ Killed: 90, Timeout: 3, Survived: 5, NoCoverage: 2, Ignored: 7, CompileError: 4, RuntimeError: 1 }),
      "2026-01-02",
    );
    expect(score).toEqual({
      score: 93,
      killed: 90,
      timeout: 3,
      survived: 5,
      noCoverage: 2,
      ignored: 7,
      date: "2026-01-02",
    });
    expect(scoreOf(mutants({ Killed: 2, Survived: 1 }), "d").score).toBe(66.67);
    expect(scoreOf(mutants({ Ignored: 3 }), "d").score).toBeNull();
  });

  it("dates a module when its numbers change, keeps unmeasured ones and drops those no longer mutated", () => {
    const previous: ScoresFile = {
      _comment: "",
      modules: {
        "a.ts": scoreOf(mutants({ Killed: 9, Survived: 1 }), "2026-01-01"),
        "b.ts": scoreOf(mutants({ Killed: 9, Survived: 1 }), "2026-01-01"),
        "c.ts": scoreOf(mutants({ Killed: 4 }), "2026-01-01"),
        "gone.ts": scoreOf(mutants({ Killed: 4 }), "2026-01-01"),
      },
    };
    const report: MutationReport = {
      files: {
        "a.ts": { mutants: mutants({ Killed: 9, Survived: 1 }) },
        "b.ts": { mutants: mutants({ Killed: 10 }) },
        "gone.ts": { mutants: mutants({ Killed: 1 }) },
        "new.ts": { mutants: mutants({ Killed: 3, NoCoverage: 1 }) },
      },
    };
    const next = updateScores(report, previous, ["new.ts", "c.ts", "b.ts", "a.ts"], "2026-02-01");
    expect(Object.keys(next.modules)).toEqual(["a.ts", "b.ts", "c.ts", "new.ts"]);
    expect(next.modules["a.ts"]).toMatchObject({ score: 90, date: "2026-01-01" });
    expect(next.modules["b.ts"]).toMatchObject({ score: 100, date: "2026-02-01" });
    expect(next.modules["c.ts"]).toEqual(previous.modules["c.ts"]);
    expect(next.modules["new.ts"]).toMatchObject({ score: 75, noCoverage: 1, date: "2026-02-01" });
  });

  it("the committed scores are of mutated modules, each the score its counts give", () => {
    const committed = JSON.parse(readFileSync("test/mutation/scores.json", "utf8")) as ScoresFile;
    const { mutate } = JSON.parse(readFileSync("stryker.config.json", "utf8")) as { mutate: string[] };
    const modules = Object.entries(committed.modules);
    expect(modules.length).toBeGreaterThan(0);
    for (const [file, s] of modules) {
      expect(mutate, file).toContain(file);
      const counts = { Killed: s.killed, Timeout: s.timeout, Survived: s.survived, NoCoverage: s.noCoverage };
      expect(scoreOf(mutants({ ...counts, Ignored: s.ignored }), s.date), file).toEqual(s);
    }
  });
});
