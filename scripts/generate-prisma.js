// Generates the Prisma client. Runs as the project's postinstall: npm here does not run dependencies' install
// scripts, and `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing file (the native
// schema engine cannot be downloaded on these machines and generate does not use it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url));
if (!existsSync(prismaCli)) {
  console.error("prisma is not installed; run npm ci first");
  process.exit(1);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const result = spawnSync(process.execPath, [prismaCli, "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
