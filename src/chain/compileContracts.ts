import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

/** What a compiled contract is committed as (`contracts/out/<Name>.json`): reviewable, and loaded without solc. */
export interface ContractArtifact {
  contractName: string;
  sourceName: string;
  abi: unknown[];
  bytecode: string;
  deployedBytecode: string;
  compiler: string;
}

const require = createRequire(import.meta.url);

/** Compiler settings: fixed, so a fresh compile reproduces the committed bytecode exactly. */
export const SOLC_SETTINGS = {
  optimizer: { enabled: true, runs: 10_000 },
  viaIR: true,
  evmVersion: "cancun",
  metadata: { bytecodeHash: "none" },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
} as const;

function sources(root: string): Record<string, { content: string }> {
  const out: Record<string, { content: string }> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "out") walk(path);
      else if (entry.name.endsWith(".sol")) out[relative(root, path)] = { content: readFileSync(path, "utf8") };
    }
  };
  walk(join(root, "contracts"));
  return out;
}

/** Compiles `contracts/` with the npm solc (solcjs: no download), OpenZeppelin resolved from node_modules. */
export function compileContracts(root = process.cwd()): ContractArtifact[] {
  const solc = require("solc") as { compile(input: string, opts: unknown): string; version(): string };
  const input = { language: "Solidity", sources: sources(root), settings: SOLC_SETTINGS };
  const findImports = (path: string) => {
    try {
      return { contents: readFileSync(require.resolve(path), "utf8") };
    } catch {
      return { error: `not found: ${path}` };
    }
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports })) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<
      string,
      Record<string, { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>
    >;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  const artifacts: ContractArtifact[] = [];
  for (const [sourceName, contracts] of Object.entries(output.contracts)) {
    if (!sourceName.startsWith("contracts/")) continue;
    for (const [contractName, c] of Object.entries(contracts)) {
      artifacts.push({
        contractName,
        sourceName,
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
        compiler: solc.version(),
      });
    }
  }
  return artifacts.sort((a, b) => a.contractName.localeCompare(b.contractName));
}
