// `npm run build`: the package's JavaScript and declarations in dist/ (what `import "@steward/discord-sandbox"`
// loads outside a TypeScript loader), and beside them the browser client's files, which serveRequest reads from
// web/ next to itself.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

cpSync(join(root, "src", "web"), join(dist, "web"), { recursive: true });
