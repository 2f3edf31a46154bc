import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import pg from "pg";
import {
  accountCan,
  locatePostgresBinaries,
  ManagedPostgresError,
  reachableBinaries,
  type ServerAccount,
  serverAccount,
} from "./postgresBinaries.ts";
import { processAlive } from "./processAlive.ts";
import { watchOwner } from "./watchOwner.ts";

/** A connection to the PostgreSQL server kept in a data directory. */
export interface ManagedPostgres {
  /** postgresql:// URL of the application's database (password included: never log it). */
  url: string;
  /** The URL of the maintenance database, for creating and dropping databases (tests, tools). */
  adminUrl: string;
  password: string;
  /** The server's process id and whether this process started it. */
  pid: number;
  startedHere: boolean;
  /**
   * Leaves the server: when no other process is using it, it is shut down cleanly (fast mode), so nothing keeps
   * running after the last one stops. A process that dies without releasing it leaves that to its watchdog.
   */
  release(): Promise<void>;
}

export interface ManagedPostgresOptions {
  /**
   * The application the server belongs to (default "app"): the name of its database and of the user that owns the
   * server, the prefix of its presence connections (`<name>-presence`), and the shared folder for root
   * (`/var/lib/<name>`). Every process sharing one data directory must give the same name.
   */
  name?: string;
  /** Where a human-readable line of what happened goes (start, reuse, recovery). */
  log?: (line: string) => void;
  /** What this process is, shown in `pg_stat_activity` (e.g. "start", "job verify-audit"). */
  role?: string;
  /** Skip fsync: for throwaway test servers only. */
  unsafeNoSync?: boolean;
  /** Where root keeps files the `postgres` user must reach (default /var/lib/<name>). */
  sharedDir?: string;
  /** Port tried first (default 54329; a free one is taken when it is in use). */
  preferredPort?: number;
  /**
   * A sentence added to the errors that mean no server can run here (binaries missing or out of the server
   * account's reach), saying what the user can do instead, e.g. "Set DATABASE_URL to use a server of your own."
   */
  alternative?: string;
}

/** The options with every default applied. */
interface Settings extends Required<Pick<ManagedPostgresOptions, "name" | "sharedDir" | "preferredPort">> {
  options: ManagedPostgresOptions;
  alternative: string;
  presencePrefix: string;
}

function settingsOf(options: ManagedPostgresOptions): Settings {
  const name = options.name ?? "app";
  // It names a database, a role and a folder: kept to what needs no quoting anywhere.
  if (!/^[a-z_][a-z0-9_]{0,39}$/.test(name)) {
    throw new ManagedPostgresError(
      `name must be lower-case letters, digits and _ (at most 40): ${JSON.stringify(name)}`,
    );
  }
  return {
    options,
    name,
    sharedDir: options.sharedDir ?? `/var/lib/${name}`,
    preferredPort: options.preferredPort ?? 54329,
    alternative: options.alternative ? ` ${options.alternative}` : "",
    presencePrefix: `${name}-presence`,
  };
}

interface Credentials {
  user: string;
  password: string;
  port: number;
  /** Set once initdb finished: a cluster folder without it is a half-made first run and is made again. */
  initialized: boolean;
}

const START_TIMEOUT_MS = 120_000;

/**
 * Opens (and when needed initialises and starts) the PostgreSQL server of `dataDir`, which any number of processes
 * share: another one finds it through `postmaster.pid` and the stored credentials and reuses it (only the server
 * opens the data files). The server runs in its own process group, so that a signal to the opener's group (Ctrl-C)
 * does not stop it while the opener still shuts down; instead every process that opens it arms a watchdog, which
 * stops it when that process dies (SIGKILL, out of memory) and no other process uses it.
 */
export async function openManagedPostgres(
  dataDirInput: string,
  options: ManagedPostgresOptions = {},
): Promise<ManagedPostgres> {
  const log = options.log ?? (() => {});
  const settings = settingsOf(options);
  const dataDir = resolve(dataDirInput);
  mkdirSync(dataDir, { recursive: true });
  const account = serverAccount(settings.alternative);
  // Armed before the start lock is taken: whoever holds the lock has a watchdog, so a watchdog that finds the lock
  // held can leave the decision to that process. Should opening fail, it stays armed, and a server started here is
  // stopped when this process ends.
  const watchdog = watchOwner({
    name: "database server",
    pid: { file: join(dataDir, "postgres", "postmaster.pid") },
    signals: { stop: "SIGINT", force: "SIGQUIT" },
    shared: {
      credentialsFile: join(dataDir, "postgres.json"),
      presencePrefix: settings.presencePrefix,
      lockFile: startLockFile(dataDir),
    },
    logFile: join(dataDir, "postgres.log"),
  });
  const releaseLock = await acquireStartLock(dataDir);
  let server: { pid: number; startedHere: boolean; credentials: Credentials };
  let presence: pg.Client;
  try {
    server = await ensureServer(dataDir, account, settings, log);
    const { credentials } = server;
    await ensureDatabase(databaseUrl(credentials, "postgres"), settings.name);
    // A connection held for this process's lifetime says "someone uses this server": the last one out stops it.
    // Made under the start lock, so that a watchdog deciding whether to stop the server sees it.
    presence = new pg.Client({
      connectionString: databaseUrl(credentials, "postgres"),
      application_name: `${settings.presencePrefix}:${process.pid}:${options.role ?? settings.name}`.slice(0, 63),
    });
    presence.on("error", () => {});
    await presence.connect();
  } finally {
    releaseLock();
  }
  const { credentials } = server;
  let released = false;
  return {
    url: databaseUrl(credentials, settings.name),
    adminUrl: databaseUrl(credentials, "postgres"),
    password: credentials.password,
    pid: server.pid,
    startedHere: server.startedHere,
    async release() {
      if (released) return;
      released = true;
      const others = await presence
        .query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE $1 AND pid <> pg_backend_pid()",
          [`${settings.presencePrefix}:%`],
        )
        .then((r) => r.rows[0]?.n ?? 0)
        .catch(() => 0);
      await presence.end().catch(() => {});
      if (others > 0) log(`database server left running for ${others} other process(es) using it`);
      else await stopManagedPostgres(dataDir, log);
      watchdog.release();
    },
  };
}

function databaseUrl(c: Credentials, database: string): string {
  return `postgresql://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${database}`;
}

/** Shuts the server of `dataDir` down (fast mode: open transactions roll back) and waits until it is gone. */
export async function stopManagedPostgres(dataDirInput: string, log: (line: string) => void = () => {}): Promise<void> {
  const cluster = join(resolve(dataDirInput), "postgres");
  const running = readPostmasterPid(cluster);
  if (!running || !processAlive(running.pid)) return;
  // A watchdog may be stopping it at the same moment: a server gone in between is stopped all the same.
  if (!signal(running.pid, "SIGINT")) return;
  const deadline = Date.now() + 60_000;
  while (processAlive(running.pid) && Date.now() < deadline) await sleep(50);
  if (processAlive(running.pid)) {
    signal(running.pid, "SIGQUIT");
    log(`database server (pid ${running.pid}) did not stop within 60 s; stopped it immediately (it recovers on start)`);
  } else {
    log("database server stopped");
  }
}

/**
 * Stops the server of `dataDir` and deletes everything of it, including database files kept outside the data
 * directory for the postgres user (see initCluster). For throwaway data directories: tests, benches, tools.
 */
export async function destroyManagedData(dataDirInput: string): Promise<void> {
  const dataDir = resolve(dataDirInput);
  await stopManagedPostgres(dataDir);
  const cluster = join(dataDir, "postgres");
  if (lstatSync(cluster, { throwIfNoEntry: false })?.isSymbolicLink()) {
    rmSync(readlinkSync(cluster), { recursive: true, force: true });
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function ensureServer(
  dataDir: string,
  account: ServerAccount | undefined,
  settings: Settings,
  log: (line: string) => void,
): Promise<{ pid: number; startedHere: boolean; credentials: Credentials }> {
  const credentialsFile = join(dataDir, "postgres.json");
  let credentials = readCredentials(credentialsFile);
  const cluster = join(dataDir, "postgres");
  const { sharedDir, alternative } = settings;

  if (credentials?.initialized) {
    const running = readPostmasterPid(cluster);
    if (running && processAlive(running.pid)) {
      if (isPostgresProcess(running.pid)) {
        const reused = await waitUntilAccepting(credentials, running.pid, undefined, cluster).then(
          () => true,
          (error: unknown) => {
            if (error instanceof ManagedPostgresError) throw error;
            return false;
          },
        );
        if (reused) {
          log(`database server already running (pid ${running.pid}, port ${credentials.port}): using it`);
          return { pid: running.pid, startedHere: false, credentials };
        }
        log(`the database server left running (pid ${running.pid}) exited while starting: starting it again`);
      } else {
        // The pid was reused by another program after a crash: the lock file is stale.
        unlinkSync(join(cluster, "postmaster.pid"));
        log(`removed a stale postmaster.pid (pid ${running.pid} is now another program)`);
      }
    } else if (running) {
      log(`the database server was not shut down cleanly (pid ${running.pid} is gone): recovering`);
    }
  } else {
    if (existsSync(cluster) || credentials) {
      if (credentials === undefined && existsSync(join(cluster, "PG_VERSION"))) {
        throw new ManagedPostgresError(
          `${cluster} holds a database but ${join(dataDir, "postgres.json")} (its password and port) is missing. Restore that file, or move the folder aside to start with a new database.`,
        );
      }
      // A first run that stopped during initdb: nothing was ever stored, so it is made again.
      removeCluster(cluster);
      log("an earlier first start stopped while creating the database: creating it again");
    }
    credentials = {
      user: settings.name,
      password: randomBytes(24).toString("base64url"),
      port: settings.preferredPort,
      initialized: false,
    };
    writeCredentials(credentialsFile, credentials);
    await initCluster(dataDir, cluster, account, settings, credentials, log);
    credentials.initialized = true;
    writeCredentials(credentialsFile, credentials);
  }

  const binaries = reachableBinaries(locatePostgresBinaries(alternative), account, sharedDir, alternative);
  checkClusterReachable(cluster, account, alternative);
  // The server is given the real path: a link inside root's home is not one the postgres user can follow.
  const serverDir = realpathSync(cluster);
  const started = await startServer(
    binaries.postgres,
    serverDir,
    account,
    credentials,
    settings.options,
    join(dataDir, "postgres.log"),
  );
  if (started.port !== credentials.port) {
    if (credentials.port !== 0) log(`port ${credentials.port} is taken: the database server uses port ${started.port}`);
    credentials = { ...credentials, port: started.port };
    writeCredentials(credentialsFile, credentials);
  }
  const pid = started.pid;
  return { pid, startedHere: true, credentials };
}

async function initCluster(
  dataDir: string,
  cluster: string,
  account: ServerAccount | undefined,
  { sharedDir, alternative }: Settings,
  credentials: Credentials,
  log: (line: string) => void,
) {
  const binaries = reachableBinaries(locatePostgresBinaries(alternative), account, sharedDir, alternative);
  let target = cluster;
  if (account) {
    // The postgres user needs to reach its files; a data directory inside root's home (mode 700) is out of its
    // reach, so the files then live in a shared folder, linked from the data directory.
    mkdirSync(cluster, { recursive: true });
    chownSync(cluster, account.uid, account.gid);
    if (!accountCan(account, "-w", cluster)) {
      rmSync(cluster, { recursive: true, force: true });
      const id = createHash("sha256").update(realpathSync(dataDir)).digest("hex").slice(0, 16);
      target = join(sharedDir, "clusters", id);
      mkdirSync(join(sharedDir, "clusters"), { recursive: true, mode: 0o755 });
      chmodSync(sharedDir, 0o755);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { mode: 0o700 });
      chownSync(target, account.uid, account.gid);
      symlinkSync(target, cluster);
      log(`the postgres user cannot reach ${dataDir}: database files are kept in ${target} (linked from ${cluster})`);
    }
  } else {
    mkdirSync(cluster, { recursive: true, mode: 0o700 });
  }
  const pwfile = join(target, "..", `.pw-${process.pid}-${randomBytes(4).toString("hex")}`);
  writeFileSync(pwfile, `${credentials.password}\n`, { mode: 0o600 });
  if (account) chownSync(pwfile, account.uid, account.gid);
  try {
    await runToEnd(
      binaries.initdb,
      [
        `--pgdata=${target}`,
        `--username=${credentials.user}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--no-instructions",
      ],
      account,
      "initdb",
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  log(`created a new database in ${cluster}`);
}

function checkClusterReachable(cluster: string, account: ServerAccount | undefined, alternative: string) {
  if (!existsSync(join(cluster, "PG_VERSION"))) {
    const where = lstatSync(cluster, { throwIfNoEntry: false })?.isSymbolicLink()
      ? ` (linked to ${readlinkSync(cluster)})`
      : "";
    throw new ManagedPostgresError(
      `The database files in ${cluster}${where} are missing. Restore them from a backup, or move the data directory aside to start with a new database.`,
    );
  }
  if (!accountCan(account, "-w", realpathSync(cluster))) {
    throw new ManagedPostgresError(
      `The postgres user cannot write ${cluster}. Give it that folder (chown -R postgres ${cluster}).${alternative}`,
    );
  }
}

async function startServer(
  postgresBin: string,
  cluster: string,
  account: ServerAccount | undefined,
  credentials: Credentials,
  options: ManagedPostgresOptions,
  logFile: string,
): Promise<{ pid: number; port: number }> {
  let port = credentials.port;
  // A server still exiting (its backends holding shared memory, its port not yet released) refuses to start for
  // a moment after an orphan was stopped, and another program may take the port between our check and the
  // server's bind: those are retried (on a new port when the port is the problem); anything else is reported
  // with the server's own lines.
  for (let attempt = 1; ; attempt++) {
    if (port === 0 || !(await portIsFree(port))) port = await freePort();
    const args = [
      "-D",
      cluster,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...(options.unsafeNoSync
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ];
    const logStart = fileSize(logFile);
    const fd = openSync(logFile, "a");
    let child: ChildProcess;
    try {
      child = spawn(postgresBin, args, {
        detached: true,
        stdio: ["ignore", fd, fd],
        env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
        ...(account ? { uid: account.uid, gid: account.gid } : {}),
      });
    } finally {
      closeSync(fd);
    }
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.once("error", () => {});
    child.unref();
    const outcome = await Promise.race([
      waitUntilAccepting({ ...credentials, port }, child.pid ?? 0, exited, cluster).then(() => "ready" as const),
      exited.then(() => "exited" as const),
    ]).catch((error: unknown) => error as Error);
    if (outcome === "ready") return { pid: child.pid ?? 0, port };
    const lines = tailSince(logFile, logStart);
    const portTaken = outcome instanceof ManagedPostgresError || /Address already in use|could not bind/i.test(lines);
    if (outcome instanceof Error && processAlive(child.pid ?? 0)) {
      process.kill(child.pid ?? 0, "SIGQUIT");
      await exited;
    }
    const transient = portTaken || /still in use|already exists|could not create lock file/i.test(lines);
    if (transient && attempt < 10) {
      if (portTaken) port = 0;
      await sleep(300 * attempt);
      continue;
    }
    throw new ManagedPostgresError(
      `The database server did not start${outcome instanceof Error ? ` (${outcome.message})` : ""}. Its last lines (${logFile}):\n${lines.trim() || "(nothing)"}`,
    );
  }
}

async function waitUntilAccepting(
  credentials: Credentials,
  pid: number,
  exited: Promise<unknown> | undefined,
  cluster: string,
): Promise<void> {
  let gone = false;
  void exited?.then(() => {
    gone = true;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "";
  while (Date.now() < deadline && !gone) {
    const client = new pg.Client({
      host: "127.0.0.1",
      port: credentials.port,
      user: credentials.user,
      password: credentials.password,
      database: "postgres",
      connectionTimeoutMillis: 2_000,
    });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      last = (error as Error).message;
      await client.end().catch(() => {});
      // A wrong password means another server answers on this port: not ours, and waiting will not help.
      if (/password authentication failed/.test(last)) {
        throw new ManagedPostgresError(
          `a different PostgreSQL server answers on port ${credentials.port}, not the one of ${cluster}`,
        );
      }
    }
    if (pid && !processAlive(pid)) break;
    await sleep(100);
  }
  throw new Error(gone || (pid && !processAlive(pid)) ? "it exited" : `not accepting connections: ${last}`);
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        // Two processes creating it at once: the other one won.
        if (error.code !== "42P04" && error.code !== "23505") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

const startLockFile = (dataDir: string) => join(dataDir, "postgres.start.lock");

/**
 * One starter at a time per data directory, and no start while a watchdog decides whether to stop the server (see
 * watchdog.js, which takes the same lock); a lock left by a killed process is taken over.
 */
async function acquireStartLock(dataDir: string): Promise<() => void> {
  const file = startLockFile(dataDir);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(file, "utf8").trim() || "0");
    } catch {
      continue; // released in between
    }
    if (!holder || !processAlive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new ManagedPostgresError(`process ${holder} has been starting the database server for over 2 minutes`);
    }
    await sleep(50);
  }
}

function readCredentials(file: string): Credentials | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Credentials>;
    if (typeof parsed.password === "string" && typeof parsed.port === "number" && typeof parsed.user === "string") {
      return {
        user: parsed.user,
        password: parsed.password,
        port: parsed.port,
        initialized: parsed.initialized === true,
      };
    }
  } catch {
    // Fall through: a torn write of the first run is treated like a missing file.
  }
  return undefined;
}

function writeCredentials(file: string, credentials: Credentials) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  // rename is atomic: a kill mid-write never leaves half a password behind.
  renameSync(tmp, file);
}

function removeCluster(cluster: string) {
  const st = lstatSync(cluster, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) rmSync(readlinkSync(cluster), { recursive: true, force: true });
  rmSync(cluster, { recursive: true, force: true });
}

function readPostmasterPid(cluster: string): { pid: number; port: number } | undefined {
  const file = join(cluster, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : undefined;
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // Without /proc (macOS) trust the pid file: postgres itself refuses to start over a live postmaster.
    return true;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function runToEnd(bin: string, args: string[], account: ServerAccount | undefined, what: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(bin, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.once("error", (error) => fail(new ManagedPostgresError(`${what} could not run: ${error.message}`)));
    child.once("close", (code) => {
      if (code === 0) done();
      else
        fail(
          new ManagedPostgresError(
            `${what} failed (exit ${code}):\n${output.trim().split("\n").slice(-12).join("\n")}`,
          ),
        );
    });
  });
}

function fileSize(file: string): number {
  try {
    return lstatSync(file).size;
  } catch {
    return 0;
  }
}

function tailSince(file: string, from: number): string {
  try {
    const text = readFileSync(file).subarray(from).toString("utf8");
    return text.split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

/** Sends `name` to `pid`; false when there is no such process (any more). */
function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
