import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContractArtifact } from "./compileContracts.ts";

const OUT = join(import.meta.dirname, "..", "..", "contracts", "out");

/** A committed contract artifact (`contracts/out/<name>.json`): deploying never waits for solc. */
export function loadArtifact(name: string): ContractArtifact {
  return JSON.parse(readFileSync(join(OUT, `${name}.json`), "utf8")) as ContractArtifact;
}
