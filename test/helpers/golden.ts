import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/**
 * Compares `value` with a committed golden JSON file. Unlike a vitest file snapshot it is never rewritten by a test
 * run (Stryker's runner updates snapshots, which let every mutant pass): `UPDATE_GOLDEN=1` rewrites it on purpose,
 * and the diff is then reviewed.
 */
export function expectGolden(path: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    if (process.env.CI) throw new Error(`${path} is missing: run the test with UPDATE_GOLDEN=1 and commit it`);
    writeFileSync(path, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, "utf8")));
}
