// Compiles contracts/ with the npm solc and writes contracts/out/<Name>.json (committed; a test checks it is fresh).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileContracts } from "../src/chain/compileContracts.ts";

const out = join(process.cwd(), "contracts", "out");
mkdirSync(out, { recursive: true });
for (const artifact of compileContracts()) {
  writeFileSync(join(out, `${artifact.contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
  process.stdout.write(`${artifact.contractName}: ${(artifact.deployedBytecode.length - 2) / 2} bytes\n`);
}
