import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { stopLocalChain } from "../../src/chain/openLocalChain.ts";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import type { SandboxClient } from "../helpers/sandboxClient.ts";
import { childrenOf, nothingLeft } from "../helpers/stewardChildren.ts";
import { exited, startStewardProcess } from "../helpers/stewardProcess.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";
import { until } from "../helpers/until.ts";

const dataDir = mkdtempSync(join(tmpdir(), "steward-load-"));
// Settlement on (the default): the local chain runs beside the database server, and must stop with them.
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  SANDBOX_PORT: "0",
  HTTP_PORT: "0",
  STEWARD_DATA_DIR: dataDir,
  LOG_LEVEL: "info",
  LOG_FORMAT: "json",
};
const AUTHORS = Array.from({ length: 20 }, (_, i) => `author${i}`);
let current: ChildProcess | undefined;

/** Steward in a process group of its own, as a supervisor runs it (the group is what Docker and systemd signal). */
async function start() {
  const started = await startStewardProcess(env, { detached: true });
  current = started.proc;
  return started;
}

/** A query on Steward's database (a fresh connection each time: the server stops and restarts with Steward). */
async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const { user, password, port } = JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8"));
  const client = new pg.Client({ host: "127.0.0.1", port, user, password, database: "steward" });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
const count = async (sql: string) => Number((await query<{ n: string }>(sql))[0]?.n);

/**
 * Submits `n` contributions, 25 at a time, through the sandbox as people do; returns the ids Steward acknowledged.
 * `onAck` may stop Steward in the middle: what was not acknowledged then is simply not counted.
 */
async function burst(client: SandboxClient, n: number, tag: string, onAck: (acked: number) => void = () => {}) {
  const acked: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      for (let i = next++; i < n; i = next++) {
        try {
          const res = await client.run(AUTHORS[i % AUTHORS.length] as string, "contribute submit", {
            title: `${tag} item ${i}`,
            category: "docs",
            description: `Wrote page ${i} of the ${tag} handbook, with examples.`,
          });
          const id = /Contribution \*\*#(\d+)\*\*/.exec(res.responses.at(-1)?.content ?? "")?.[1];
          if (id) {
            acked.push(Number(id));
            onAck(acked.length);
          }
        } catch {
          // Steward is stopping or stopped: the request was not taken, and says so.
        }
      }
    }),
  );
  return acked;
}

/**
 * Where each contribution and each evaluation was announced in #contributions (single posts and digests alike): the
 * message's position, oldest first, per contribution id; an evaluation announced twice is listed twice.
 */
async function announcements(client: SandboxClient) {
  const contributions = new Map<number, number>();
  const evaluations: { id: number; at: number }[] = [];
  const listed = (m: { embeds: { description?: string }[] }) =>
    (m.embeds[0]?.description?.split("\n") ?? []).map((line) => Number(/^\*\*#(\d+)\*\*/.exec(line)?.[1]));
  for (const [at, m] of (await client.messages("contributions")).entries()) {
    const single = /your contribution \*\*#(\d+)\*\* has been evaluated/.exec(m.content)?.[1];
    if (single) evaluations.push({ id: Number(single), at });
    if (/^\*\*\d+ contributions evaluated\*\*/.test(m.content))
      for (const id of listed(m)) evaluations.push({ id, at });
    const post = /^#(\d+) · /.exec(m.embeds[0]?.title ?? "")?.[1];
    if (post && !m.content) contributions.set(Number(post), at);
    if (/^\*\*\d+ new contributions\*\*/.test(m.content)) for (const id of listed(m)) contributions.set(id, at);
  }
  return { contributions, evaluations };
}

/**
 * Waits until the outbox is empty, then checks every acknowledged contribution was evaluated and announced once,
 * after its contribution. What is checked here is exactly-once and order, not pace (bench:evaluations measures
 * that): Discord's per-channel limit is raised for the drain, to keep the test short.
 */
async function expectAllAnnouncedOnce(client: SandboxClient, acked: number[]) {
  await client.request("PUT", "/sandbox/rate-limits", { perWindow: 50, windowSeconds: 1 });
  await until(
    "the outbox drained",
    async () => (await count(`SELECT count(*) AS n FROM "PendingPost"`)) === 0,
    180_000,
    500,
  );
  const evaluated = (await query<{ contributionId: number }>(`SELECT "contributionId" FROM "Evaluation"`)).map(
    (e) => e.contributionId,
  );
  const evaluatedSet = new Set(evaluated);
  expect(
    acked.filter((id) => !evaluatedSet.has(id)),
    "acknowledged but never evaluated",
  ).toEqual([]);
  const { contributions, evaluations } = await announcements(client);
  const seen = new Map<number, number>();
  for (const e of evaluations) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  expect(twice, "announced more than once").toEqual([]);
  const missing = evaluated.filter((id) => !seen.has(id));
  expect(missing, "evaluated but never announced").toEqual([]);
  for (const id of acked) expect(seen.get(id), `contribution #${id} announced once`).toBe(1);
  // A contribution is announced before its evaluation, which replies to it or links it.
  const early = evaluations.filter((e) => !((contributions.get(e.id) ?? Number.POSITIVE_INFINITY) < e.at));
  expect(
    early.map((e) => e.id),
    "evaluations announced before their contribution",
  ).toEqual([]);
}

/** Stops Steward's process group with `signal` and measures how long it takes. */
async function stopWith(signal: NodeJS.Signals, proc: ChildProcess) {
  const children = childrenOf(dataDir);
  const sent = Date.now();
  process.kill(-(proc.pid as number), signal);
  await exited(proc);
  return { seconds: (Date.now() - sent) / 1000, children };
}

/**
 * Under load, as an operator runs Steward: a burst of submissions is evaluated at the evaluator's speed while the
 * posts drain at Discord's pace; SIGTERM, SIGINT (and SIGKILL) in the middle of work stop it in bounded time with
 * nothing left running, and the next start posts every evaluation exactly once with nothing submitted lost.
 */
describe.runIf(testDatabaseKind === "embedded")("under load and stopped in the middle", () => {
  // A test that failed half-way leaves its Steward running: the next one must start on a stopped one.
  afterEach(async () => {
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    process.kill(-(current.pid as number), "SIGKILL");
    await exited(current);
  });
  afterAll(async () => {
    await stopLocalChain(dataDir);
    await destroyManagedData(dataDir);
  });

  it("stores every evaluation of a 500-submission burst within 30 s, posts behind, and stops on SIGTERM in under 10 s", async () => {
    const { proc, client, stderr } = await start();
    for (const a of AUTHORS) await client.createUser(a, ["Member"]);
    const started = Date.now();
    const acked = await burst(client, 500, "Burst");
    expect(acked).toHaveLength(500);
    await until(
      "every evaluation stored",
      async () => (await count(`SELECT count(*) AS n FROM "Evaluation"`)) >= 500,
      60_000,
      200,
    );
    const seconds = (Date.now() - started) / 1000;
    // The evaluations are stored at the evaluator's speed (the rubric's: ~5,000 a minute); the posts still wait.
    expect(seconds, "500 evaluations stored, seconds after the burst began").toBeLessThan(30);
    expect(await count(`SELECT count(*) AS n FROM "PendingPost"`)).toBeGreaterThan(0);
    const lines = stderr()
      .split("\n")
      .filter((l) => l.trim() !== "");
    // Every line is Steward's JSON log (node-cron's own messages go through it), and no run overlapped another.
    expect(lines.filter((l) => !l.startsWith("{"))).toEqual([]);
    expect(lines.filter((l) => /overlap|still running/.test(l) && JSON.parse(l).level >= 40)).toEqual([]);

    // SIGTERM while the posts still drain: a clean exit, in time, and nothing of Steward left running.
    const stopped = await stopWith("SIGTERM", proc);
    expect(proc.exitCode).toBe(0);
    expect(stopped.seconds).toBeLessThan(10);
    await until("nothing left running", nothingLeft(dataDir, stopped.children), 3_000);
    expect(stderr()).toMatch(/"msg":"work stopped: \d+ post\(s\) wait in the outbox/);

    const again = await start();
    await expectAllAnnouncedOnce(again.client, acked);
    const restarted = await stopWith("SIGTERM", again.proc);
    expect(again.proc.exitCode).toBe(0);
    await until("nothing left running", nothingLeft(dataDir, restarted.children), 3_000);
  }, 360_000);

  for (const signal of ["SIGTERM", "SIGINT", "SIGKILL"] as const) {
    it(`${signal} in the middle of a burst: ${signal === "SIGKILL" ? "the children stop by themselves" : "exit 0 within 10 s"}, and after a restart every evaluation is posted once and nothing submitted is lost`, async () => {
      const { proc, client, stderr } = await start();
      const before = await count(`SELECT count(*) AS n FROM "Contribution"`);
      let stopping: Promise<{ seconds: number; children: { postgres: number; anvil: number } }> | undefined;
      const acked = await burst(client, 120, `${signal}`, (n) => {
        if (n === 40) stopping = stopWith(signal, proc);
      });
      const stopped = await (stopping as NonNullable<typeof stopping>);
      if (signal === "SIGKILL") {
        expect(proc.signalCode).toBe("SIGKILL");
      } else {
        expect(proc.exitCode, stderr().slice(-2000)).toBe(0);
        expect(stopped.seconds).toBeLessThan(10);
      }
      await until("nothing left running", nothingLeft(dataDir, stopped.children), signal === "SIGKILL" ? 5_000 : 3_000);

      const again = await start();
      // Nothing acknowledged is lost: every one is stored, evaluated and announced exactly once.
      const ids = new Set((await query<{ id: number }>(`SELECT "id" FROM "Contribution"`)).map((r) => r.id));
      for (const id of acked) expect(ids.has(id), `acknowledged contribution #${id} stored`).toBe(true);
      expect(ids.size).toBeGreaterThanOrEqual(before + acked.length);
      await until(
        "every contribution evaluated",
        async () => (await count(`SELECT count(*) AS n FROM "Contribution" WHERE "status" <> 'evaluated'`)) === 0,
        60_000,
        200,
      );
      await expectAllAnnouncedOnce(again.client, acked);
      const last = await stopWith("SIGTERM", again.proc);
      expect(again.proc.exitCode).toBe(0);
      await until("nothing left running", nothingLeft(dataDir, last.children), 3_000);
    }, 300_000);
  }
});
