// `npm run build`: compiles Steward to JavaScript in dist/ for the production image, which runs `node dist/src/cli.js`
// with no TypeScript loader. dist/ mirrors the repository (dist/src, dist/commands, dist/prisma/migrations,
// dist/contracts/out), so that the paths the code resolves from its own location (migrations, contract artifacts, the
// browser pages, the watchdog) hold in both trees. Plain JavaScript, like the other install-time scripts: it needs
// only node, npm (for the workspace packages' own builds) and the TypeScript compiler. Development keeps running the
// sources through tsx (`npm start`).
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });

// The workspace packages first (packages/*/dist): the compiled Steward imports them through node_modules.
for (const name of readdirSync(join(root, "packages")))
  rmSync(join(root, "packages", name, "dist"), { recursive: true, force: true });
const npm = process.env.npm_execpath;
const packages = npm
  ? spawnSync(process.execPath, [npm, "run", "build", "--workspaces", "--if-present"], { cwd: root, stdio: "inherit" })
  : spawnSync("npm", ["run", "build", "--workspaces", "--if-present"], { cwd: root, stdio: "inherit" });
if (packages.status !== 0) process.exit(packages.status ?? 1);

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

// Files the code reads or runs beside its sources: everything in src/ and commands/ that tsc does not emit.
for (const dir of ["src", "commands"]) {
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith(".ts")) continue;
    // parentPath from Node 20.12; path before it.
    const from = join(entry.parentPath ?? entry.path, entry.name);
    cpSync(from, join(dist, relative(root, from)));
  }
}
// Read at run time relative to the compiled code: src/db/migrate.ts, src/chain/loadArtifact.ts.
for (const dir of ["prisma/migrations", "contracts/out"]) cpSync(join(root, dir), join(dist, dir), { recursive: true });
