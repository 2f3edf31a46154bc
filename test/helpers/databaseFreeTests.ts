import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Where a test can reach a database: the helpers and modules that open one, or start Steward. A test that imports
 * none of them, directly or through what it imports, and starts no process, runs the same on any PostgreSQL server:
 * the second pass (an external server) leaves it out.
 */
const DATABASE_ENTRIES = [
  "test/helpers/testDatabase.ts",
  "test/helpers/stewardProcess.ts",
  "src/db/openDatabase.ts",
  "src/startSteward.ts",
  "@steward/managed-postgres",
];

const IMPORT = /(?:import|export)[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
// A child process may open any database its environment names.
const STARTS_PROCESS = /\b(?:spawn|fork|execFile|exec|execSync|spawnSync)\s*\(/;

/** The test files under `test/` (repository-relative) that never reach a database. */
export function databaseFreeTests(root: string): string[] {
  const imports = new Map<string, string[]>();
  const importsOf = (file: string): string[] => {
    const known = imports.get(file);
    if (known) return known;
    const source = readFileSync(join(root, file), "utf8");
    const found = [...source.matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2] ?? "")
      .map((spec) => (spec.startsWith(".") ? relative(root, resolve(root, dirname(file), spec)) : spec))
      .filter((path) => DATABASE_ENTRIES.includes(path) || existsSync(join(root, path)));
    imports.set(file, found);
    return found;
  };
  const reachesDatabase = (file: string, seen: Set<string>): boolean => {
    if (DATABASE_ENTRIES.includes(file)) return true;
    if (seen.has(file)) return false;
    seen.add(file);
    return importsOf(file).some((next) => reachesDatabase(next, seen));
  };
  return (readdirSync(join(root, "test"), { recursive: true }) as string[])
    .map((name) => join("test", name).split("\\").join("/"))
    .filter((file) => file.endsWith(".test.ts") && !file.startsWith("test/mutation/"))
    .filter((file) => !STARTS_PROCESS.test(readFileSync(join(root, file), "utf8")))
    .filter((file) => !reachesDatabase(file, new Set()))
    .sort();
}
