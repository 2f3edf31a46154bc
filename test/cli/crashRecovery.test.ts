import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import { openDatabase } from "../../src/db/openDatabase.ts";
import { componentId, proposalPost } from "../helpers/governance.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { stewardBin as bin, exited, startStewardProcess } from "../helpers/stewardProcess.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

const CYCLES = 20;
const VOTERS = ["v1", "v2", "v3", "v4", "v5", "v6"];
const dataDir = mkdtempSync(join(tmpdir(), "steward-crash-"));
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  SANDBOX_PORT: "0",
  HTTP_PORT: "0",
  STEWARD_DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  VOTING_PERIOD: "7d",
  DUPLICATE_SUBMISSION_WINDOW: "1s",
  // Database crash safety only; settlement under SIGKILL has its own test.
  SETTLEMENT_MODE: "off",
};

const startSteward = () => startStewardProcess(env);

function killDatabaseServer() {
  const pid = Number(readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(pid, "SIGKILL");
}

/**
 * SIGKILL at random moments of a busy session (submissions, votes, epoch closes), on the embedded default: every
 * restart must open the database, keep the sandbox's guild and messages, lose no acknowledged action, and leave an
 * audit chain that verifies. Every fourth kill also kills the database server itself (PostgreSQL's crash recovery).
 */
describe.runIf(testDatabaseKind === "embedded")("crash safety of the embedded database", () => {
  let current: ChildProcess | undefined;
  afterAll(async () => {
    current?.kill("SIGKILL");
    await destroyManagedData(dataDir);
  });

  it(`survives ${CYCLES} SIGKILLs during a busy session with nothing acknowledged lost`, async () => {
    const acked = new Set<number>();
    /** The voter's last acknowledged choice, or "unknown" when a later vote was in flight at the kill. */
    const lastVote = new Map<string, string>();
    let guildId = "";
    let proposalId = 0;
    let proposalMessage = "";

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { proc, client, stderr } = await startSteward();
      current = proc;
      if (cycle === 0) {
        guildId = (await client.state()).guildId;
        await client.createUser("mona", ["Member", "Moderator"]);
        await client.createUser("alice", ["Member"]);
        for (const v of VOTERS) await client.createUser(v, ["Member"]);
        const drafted = finalResponse(await client.run("alice", "propose", { idea: "Hold a monthly community call." }));
        const submitted = finalResponse(
          await client.click("alice", drafted.messageId ?? "", componentId(drafted, "Submit")),
        );
        proposalId = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
        const post = await proposalPost(client, proposalId, "Open vote (moderators)");
        finalResponse(await client.click("mona", post.id, componentId(post, "Open vote (moderators)")));
        proposalMessage = post.id;
      }
      // The same guild and users after every restart, and the vote message still there to click.
      const state = await client.state();
      expect(state.guildId).toBe(guildId);
      expect(state.users.map((u) => u.username)).toEqual(expect.arrayContaining(["mona", "alice", ...VOTERS]));
      const post = (await client.messages("governance")).find((m) => m.id === proposalMessage);
      expect(post, `cycle ${cycle}: the proposal message survived`).toBeDefined();

      const actions: Promise<void>[] = [];
      let ackedOne: () => void = () => {};
      const firstAck = new Promise<void>((r) => {
        ackedOne = r;
      });
      for (let i = 0; i < 4; i++) {
        actions.push(
          client
            .run("alice", "contribute submit", {
              title: `Crash test ${cycle}.${i}`,
              description: `Work item ${cycle}.${i}: wrote and reviewed a guide for new members, with examples.`,
              category: "docs",
            })
            .then((r) => {
              const id = /Contribution \*\*#(\d+)\*\*/.exec(finalResponse(r).content)?.[1];
              if (id) acked.add(Number(id));
              ackedOne();
            })
            .catch(() => {}),
        );
      }
      for (const voter of VOTERS) {
        const choice = Math.random() < 0.5 ? "For" : "Against";
        lastVote.set(voter, "unknown");
        actions.push(
          client
            .click(voter, proposalMessage, componentId(post ?? { components: [] }, choice))
            .then((r) => {
              if (/^Your vote on proposal|nothing changed/i.test(finalResponse(r).content)) lastVote.set(voter, choice);
            })
            .catch(() => {}),
        );
      }
      if (cycle % 5 === 2)
        actions.push(
          client.run("mona", "epoch close", {}).then(
            () => {},
            () => {},
          ),
        );

      // Kill once something was acknowledged in this cycle (so every cycle has acknowledged work to lose), at a
      // random moment while the rest is still in flight.
      await Promise.race([firstAck, new Promise((r) => setTimeout(r, 30_000))]);
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      if (cycle % 4 === 3) killDatabaseServer();
      proc.kill("SIGKILL");
      await exited(proc);
      await Promise.allSettled(actions);
      expect(stderr()).not.toMatch(/PANIC|could not locate a valid checkpoint/);
    }

    // The last restart: everything acknowledged is there, and the audit chain verifies from the CLI while it runs.
    const { proc, client } = await startSteward();
    current = proc;
    expect((await client.state()).guildId).toBe(guildId);
    const audit = spawnSync(process.execPath, [bin, "job", "run", "verify-audit"], { env, encoding: "utf8" });
    expect(audit.stdout).toMatch(
      /^verify-audit: ok — audit verified: \d+ events, \d+ anchor\(s\) on chain and \d+ recorded, \d+ paid chunk\(s\); no mismatch/,
    );
    expect(audit.status).toBe(0);

    const credentials = JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8"));
    const db = await openDatabase({
      kind: "postgres",
      url: `postgresql://${credentials.user}:${credentials.password}@127.0.0.1:${credentials.port}/steward`,
    });
    try {
      const stored = await db.prisma.contribution.findMany({ select: { id: true } });
      const ids = new Set(stored.map((c) => c.id));
      expect(acked.size).toBeGreaterThanOrEqual(CYCLES);
      for (const id of acked) expect(ids.has(id), `acknowledged contribution #${id} is stored`).toBe(true);
      const votes = await db.prisma.vote.findMany({ where: { proposalId } });
      const state = await client.state();
      let checked = 0;
      for (const [voter, choice] of lastVote) {
        if (choice === "unknown") continue;
        const discordId = state.users.find((u) => u.username === voter)?.id;
        const vote = votes.find((v) => v.discordId === discordId);
        expect(vote, `${voter}'s acknowledged vote is stored`).toBeDefined();
        // Basic votes store the 1-based choice: For = 1, Against = 2.
        expect(vote?.choice).toBe(choice === "For" ? 1 : 2);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    } finally {
      await db.close();
      proc.kill("SIGTERM");
      await exited(proc);
    }
  }, 600_000);
});
