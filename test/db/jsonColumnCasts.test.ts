import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** The money path's JSON columns, each read through its reader in src/db/json, and the types those readers give. */
const COLUMNS = ["batch", "entries", "sentTxs", "scores", "failure", "stuck", "problemFacts"];
const TYPES = [
  "BatchEntry",
  "PayoutLine",
  "SentTx",
  "EvaluationScore",
  "CriterionScore",
  "PayoutFailure",
  "PayoutStuck",
];

/** `row.batch as …`, `(row.entries as …)`, and any value cast to one of the readers' types. */
const CAST = new RegExp(
  `\\.(?:${COLUMNS.join("|")})\\b[\\s)]*\\bas\\s|\\bas\\s+(?:unknown\\s+as\\s+)?(?:${TYPES.join("|")})\\b`,
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every line of the TypeScript under `dir` that casts one of those columns instead of parsing it. */
function castsIn(dir: string): string[] {
  return sources(dir).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, n) => (CAST.test(line) ? [`${relative(root, file)}:${n + 1}: ${line.trim()}`] : [])),
  );
}

describe("the money path's JSON columns", () => {
  it("are read through their schemas: src/ casts none of them", () => {
    expect(castsIn(join(root, "src"))).toEqual([]);
  });

  it("would name a cast that comes back", () => {
    for (const line of [
      "const entries = (p.batch as BatchEntry[] | null) ?? [];",
      "for (const e of intent.entries as { recipient: string }[]) x(e);",
      "const stored = Array.isArray(intent.sentTxs) ? (intent.sentTxs as SentTx[]) : [];",
      "const scores = (e.scores as unknown as Score[]) ?? [];",
      "const canonical = JSON.parse(canonicalBatch(batch)) as BatchEntry[];",
      "lines: (i.entries as unknown[]).length,",
    ]) {
      expect(CAST.test(line), line).toBe(true);
    }
    for (const line of [
      "for (const [i, p] of batch.entries()) p.resolve(outcomes[i] as BeatOutcome);",
      "batch: canonical,",
    ]) {
      expect(CAST.test(line), line).toBe(false);
    }
  });
});
