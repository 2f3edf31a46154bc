import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export interface CompiledContract {
  abi: unknown[];
  bytecode: string;
}

const require = createRequire(import.meta.url);

/** Compiles contracts/*.sol with the npm solc (0.8.37, pure JS: no download), optimiser on. */
export function compileContracts(
  dir = resolve(import.meta.dirname, "../../contracts"),
): Record<string, CompiledContract> {
  const solc = require("solc") as { compile(input: string): string };
  const sources = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".sol"))
      .map((f) => [f, { content: readFileSync(join(dir, f), "utf8") }]),
  );
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources,
        settings: {
          optimizer: { enabled: true, runs: 200 },
          evmVersion: "cancun",
          outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
        },
      }),
    ),
  ) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc: ${errors.map((e) => e.formattedMessage).join("\n")}`);
  const out: Record<string, CompiledContract> = {};
  for (const file of Object.values(output.contracts)) {
    for (const [name, c] of Object.entries(file)) out[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
  }
  return out;
}
