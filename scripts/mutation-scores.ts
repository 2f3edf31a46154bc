// Records the mutation score of each money-critical module in test/mutation/scores.json, a small committed file,
// from Stryker's incremental report (kept out of the tree, in reports/: it holds a copy of every mutated source).
// Run by `npm run test:mutation` after Stryker; `npm run mutation:scores` after a run of a single module.
//   tsx scripts/mutation-scores.ts [--date YYYY-MM-DD]   (--date: results measured on another day)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One module's results: `score` as Stryker computes it, killed and timed-out mutants over the valid ones. */
export interface ModuleScore {
  /** null when every mutant was ignored or invalid (Stryker shows NaN). */
  score: number | null;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  /** When these numbers were measured (the day they last changed). */
  date: string;
}

export interface ScoresFile {
  _comment: string;
  modules: Record<string, ModuleScore>;
}

/** The part of Stryker's report (mutation-testing-report-schema) that scores are computed from. */
export interface MutationReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

const COMMENT =
  "Mutation score per money-critical module (killed + timeout over valid mutants, as Stryker reports it). Written by scripts/mutation-scores.ts after npm run test:mutation; a change that lowers a score needs a reason.";

export function scoreOf(mutants: { status: string }[], date: string): ModuleScore {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const killed = count("Killed");
  const timeout = count("Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const valid = killed + timeout + survived + noCoverage;
  // Compile and runtime errors are invalid mutants and, like ignored ones, outside the score.
  const score = valid === 0 ? null : Math.round(((killed + timeout) / valid) * 10_000) / 100;
  return { score, killed, timeout, survived, noCoverage, ignored: count("Ignored"), date };
}

/**
 * The new scores: each module of `mutate` that the report measured, dated `date` when its numbers changed and with
 * its old date otherwise (a rerun that only reused incremental results changes nothing); modules the report lacks
 * keep their old entry; modules no longer mutated are dropped.
 */
export function updateScores(
  report: MutationReport,
  previous: ScoresFile | undefined,
  mutate: string[],
  date: string,
): ScoresFile {
  const modules: Record<string, ModuleScore> = {};
  for (const file of [...mutate].sort()) {
    const old = previous?.modules[file];
    const measured = report.files[file];
    if (!measured) {
      if (old) modules[file] = old;
      continue;
    }
    const next = scoreOf(measured.mutants, date);
    modules[file] = old && sameNumbers(old, next) ? old : next;
  }
  return { _comment: COMMENT, modules };
}

function sameNumbers(a: ModuleScore, b: ModuleScore): boolean {
  return (
    a.killed === b.killed &&
    a.timeout === b.timeout &&
    a.survived === b.survived &&
    a.noCoverage === b.noCoverage &&
    a.ignored === b.ignored
  );
}

function main(args: string[]): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const config = JSON.parse(readFileSync(`${root}stryker.config.json`, "utf8")) as {
    mutate: string[];
    incrementalFile: string;
  };
  const reportPath = `${root}${config.incrementalFile}`;
  if (!existsSync(reportPath)) {
    console.error(`No Stryker report at ${config.incrementalFile}: run npm run test:mutation first.`);
    process.exit(1);
  }
  const dateArg = args.indexOf("--date");
  const date = dateArg >= 0 ? (args[dateArg + 1] ?? "") : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    console.error("--date takes YYYY-MM-DD");
    process.exit(1);
  }
  const scoresPath = `${root}test/mutation/scores.json`;
  const previous = existsSync(scoresPath) ? (JSON.parse(readFileSync(scoresPath, "utf8")) as ScoresFile) : undefined;
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as MutationReport;
  const next = updateScores(report, previous, config.mutate, date);
  writeFileSync(scoresPath, `${JSON.stringify(next, null, 2)}\n`);
  const unmeasured = config.mutate.filter((file) => !next.modules[file]);
  for (const [file, s] of Object.entries(next.modules)) {
    const before = previous?.modules[file]?.score;
    const change = before === undefined || before === s.score ? "" : ` (was ${before})`;
    console.warn(`${(s.score?.toFixed(2) ?? "n/a").padStart(6)} %  ${file}${change}`);
  }
  if (unmeasured.length > 0) console.warn(`No results yet: ${unmeasured.join(", ")}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
