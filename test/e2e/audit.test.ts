import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storedAuditText } from "../../src/base/auditFindingsText.ts";
import { chainEvents } from "../../src/services/audit/appendAuditEvent.ts";
import { verifyAudit } from "../../src/services/audit/verifyAudit.ts";
import { type BatchEntry, batchHash } from "../../src/services/epochs/batchHash.ts";
import { componentId, proposalPost, resultPost, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";
import { until } from "../helpers/until.ts";

const HOUR = 3_600_000;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    SETTLEMENT_MODE: "send",
    VOTING_PERIOD: "1h",
    QUORUM: "1",
    APPROVALS_REQUIRED: "2",
    EPOCH_BUDGET: "100000000000000000000",
  });
  for (const u of ["xena", "yuri", "ann", "ben"]) await stack.client.createUser(u, ["Member"]);
  for (const u of ["boss", "mod2"]) await stack.client.createUser(u, ["Member", "Moderator"]);
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => stack.expectNoSpecViolations());

const services = () => stack.steward.container.services;
/** The verification's findings as people read them (the CLI and the public API say it this way). */
const inWords = (report: Awaited<ReturnType<typeof verifyAudit>>) => storedAuditText(report, services().token);
const db = () => services().db;
/** Discord snowflakes: 17 to 20 digits. Timestamps in <t:…> are 10 digits and stay. */
const SNOWFLAKE = /\d{17,20}/;

/** Runs `fn` with the table's own triggers (the append-only and frozen-batch ones) off, as a database owner could. */
async function withoutTriggers(tables: string[], fn: () => Promise<void>) {
  for (const t of tables) await db().$executeRawUnsafe(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
  try {
    await fn();
  } finally {
    for (const t of tables) await db().$executeRawUnsafe(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
  }
}

describe("transparency: trace a paid token to its reasons, verify, detect tampering", () => {
  let proposalId = 0;
  let txHash = "";
  let contributionId = 0;

  it("an epoch closes, is voted, approved and paid; the close's audit head is anchored on chain", async () => {
    const xena = await linkWallet(stack.client, "xena");
    await linkWallet(stack.client, "yuri");
    contributionId = await submitCodeContribution(stack.client, "xena", "Pipeline fix");
    await submitCodeContribution(stack.client, "yuri", "Release notes tooling");
    await stack.steward.evaluationsIdle();
    const closed = finalResponse(await stack.client.run("boss", "epoch close"));
    proposalId = Number(/proposal #(\d+)/.exec(closed.content)?.[1]);
    const post = await proposalPost(stack.client, proposalId);
    for (const u of ["ann", "ben"]) await stack.client.click(u, post.id, componentId(post, "For"));
    stack.advanceClock(HOUR + 1000);
    const result = await resultPost(stack.client, proposalId);
    finalResponse(await stack.client.click("boss", result.id, componentId(result, "Approve payout")));
    finalResponse(await stack.client.run("mod2", "payout approve", { proposal: proposalId }));
    await waitForMessage(stack.client, (m) => m.content.startsWith(`Paid: proposal #${proposalId}`), 30_000, "payouts");
    const intent = await db().payoutIntent.findFirstOrThrow({ where: { proposalId } });
    txHash = intent.txHash as string;
    expect(intent.status).toBe("confirmed");
    expect((intent.entries as { recipient: string }[]).map((e) => e.recipient)).toContain(xena.address);

    const anchor = await until("the epoch's audit head to be anchored on chain", () =>
      db().auditAnchor.findFirst({ where: { reason: "epoch 1 closed", txHash: { not: null } } }),
    );
    const event = await db().auditEvent.findUniqueOrThrow({ where: { id: anchor.eventId } });
    expect(event.action).toBe("epoch.closed");
    expect(anchor.hash).toBe(event.hash);
    const published = await services().settlement?.audit.anchors(services().settlement?.audit.publisher ?? "");
    expect(published).toEqual([
      expect.objectContaining({ sequence: anchor.eventId, head: anchor.hash, txHash: anchor.txHash }),
    ]);
    // The distribution's #governance post carries the head, and the block once anchored.
    const governance = await until("the proposal post to show the anchor", async () => {
      const p = await proposalPost(stack.client, proposalId);
      return textOf(p as never).includes(`block ${anchor.blockNumber}`) ? p : null;
    });
    expect(textOf(governance as never)).toContain(`event #${anchor.eventId} · \`${anchor.hash}\``);
  }, 120_000);

  it("/audit trace <tx> shows the whole path, paged, naming no one by Discord id", async () => {
    const page1 = finalResponse(await stack.client.run("ann", "audit trace", { id: txHash }));
    expect(page1.ephemeral).toBe(true);
    const text1 = textOf(page1);
    expect(text1).toContain(`Audit trace: transaction ${txHash}`);
    expect(text1).toContain(
      `**① Transaction** \`${txHash}\` — confirmed in block ${(await db().payoutIntent.findFirstOrThrow({ where: { proposalId } })).blockNumber}`,
    );
    expect(text1).toMatch(/Chunk 1 of 1: 2 payout\(s\)/);
    expect(text1).toContain(`**② Batch** of proposal #${proposalId} — hash \`sha256:`);
    expect(text1).toMatch(/\*\*④ Vote\*\* \(basic.*\) — 2 voter\(s\); quorum 1 of \d+ eligible weight, reached/);
    expect(text1).toMatch(/\*\*⑤ Approvals\*\* — 2 of 2 required: member-[0-9a-f]{8} <t:\d+:R>, member-[0-9a-f]{8}/);
    expect(text1).toMatch(
      /\*\*Audit head at the close\*\* — event #\d+ `[0-9a-f]{16}…`, anchored on chain in block \d+/,
    );
    expect(text1).not.toMatch(SNOWFLAKE);
    const next = componentId(page1, "Next");
    const page2 = finalResponse(await stack.client.click("ann", page1.messageId as string, next));
    const text2 = textOf(page2);
    expect(text2).toMatch(/payouts 1–2 of 2/);
    expect(text2).toMatch(/contribution #\d+ "Pipeline fix" \(code\) by member-[0-9a-f]{8}/);
    expect(text2).toMatch(
      /evaluation #\d+: rubric \(rubric-evaluator-\d+\), rubric v\d+, prompt sha256 `[0-9a-f]{16}…`, total \d+\/100/,
    );
    expect(text2).toMatch(/\*\*0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}\*\*/);
    expect(text2).not.toMatch(SNOWFLAKE);
  });

  it("traces a contribution to its payout, and explains references it cannot read", async () => {
    const byContribution = textOf(
      finalResponse(await stack.client.run("ben", "audit trace", { id: `contribution ${contributionId}` })),
    );
    expect(byContribution).toContain(`Audit trace: contribution #${contributionId}`);
    expect(byContribution).toContain("**⑥ Reasons** — 1 payout line(s) on the next page.");
    const ambiguous = finalResponse(await stack.client.run("ben", "audit trace", { id: "1" }));
    expect(ambiguous.content).toBe(
      "#1 could be proposal 1 or contribution 1. Write `proposal 1` (or one of the others) to say which.",
    );
    const junk = finalResponse(await stack.client.run("ben", "audit trace", { id: "drop table" }));
    expect(junk.content).toBe(
      "`drop table` is not something I can trace. Give a transaction hash (0x and 64 hex digits), `proposal 12`, `contribution 12` or `node 12`.",
    );
    const unknownTx = finalResponse(await stack.client.run("ben", "audit trace", { id: `0x${"ab".repeat(32)}` }));
    expect(unknownTx.content).toBe(`No payout of this server was paid by transaction \`0x${"ab".repeat(32)}\`.`);
  });

  it("opting in shows a member's name and full address in traces", async () => {
    const on = finalResponse(await stack.client.run("xena", "privacy show-name", { value: "on" }));
    expect(on.content).toContain("Your user name is now shown publicly.");
    expect(on.content).toContain("Name: **xena**");
    finalResponse(await stack.client.run("xena", "privacy show-wallet", { value: "on" }));
    const xenaWallet = await db().wallet.findFirstOrThrow({ where: { member: { username: "xena" } } });
    const t = finalResponse(await stack.client.run("ann", "audit trace", { id: `contribution ${contributionId}` }));
    const page2 = finalResponse(await stack.client.click("ann", t.messageId as string, componentId(t, "Next")));
    expect(textOf(page2)).toContain(`**${xenaWallet.address}**`);
    expect(textOf(page2)).toContain('"Pipeline fix" (code) by xena');
    finalResponse(await stack.client.run("xena", "privacy show-name", { value: "off" }));
  });

  it("steward's verification passes on the untouched history", async () => {
    const report = await verifyAudit(services());
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.anchors).toMatchObject({ onChain: 1 });
    expect(report.settled).toEqual({ proposals: 1, chunks: 1, transfers: 2 });
    expect(inWords(report).checked.join("\n")).toMatch(
      /paid proposals: 1 \(1 chunks, 2 token transfers read from the chain's receipts\)/,
    );
  });

  it("/metrics reports the session's real counts; /readyz says every dependency is up", async () => {
    const url = stack.steward.http.url;
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: {
        database: { ok: true, state: "up" },
        discord: { ok: true, state: "up" },
        chain: { ok: true, state: "up" },
      },
    });
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = (series: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('steward_interactions_total{command="epoch close",outcome="ok"}')).toBe(1);
    expect(value('steward_interactions_total{command="payout approve",outcome="ok"}')).toBe(1);
    expect(value('steward_interactions_total{command="audit trace",outcome="user_error"}')).toBe(3);
    expect(value('steward_votes_total{outcome="accepted"}')).toBe(2);
    expect(value("steward_votes_stored")).toBe(2);
    expect(value('steward_settlement_chunks_total{outcome="confirmed"}')).toBe(1);
    expect(value("steward_settlement_gas_used")).toBeGreaterThan(21_000);
    expect(value('steward_evaluations{evaluator="rubric",field="count"}')).toBe(2);
    expect(value("steward_audit_chain_events")).toBe(await db().auditEvent.count());
    expect(text).toMatch(/steward_job_runs_total\{job="settle",outcome="ok"\} [1-9]/);
    expect(text).toMatch(
      /steward_interaction_duration_seconds_bucket\{le="\+Inf",command="epoch close",outcome="ok"\} 1/,
    );
  });

  it("the public API and page show the session without a single Discord id, with ETags and pages", async () => {
    const url = stack.steward.http.url;
    // Every Discord id Steward knows of: members, the guild, channels and messages it posted.
    const snowflakes = new Set<string>([stack.sandbox.guildId]);
    for (const m of await db().member.findMany()) snowflakes.add(m.discordId);
    for (const p of await db().proposal.findMany()) {
      for (const v of [p.channelId, p.messageId, p.resultMessageId, p.receiptMessageId, p.authorDiscordId])
        if (v) snowflakes.add(v);
    }
    for (const c of await db().contribution.findMany())
      for (const v of [c.channelId, c.messageId]) if (v) snowflakes.add(v);
    for (const a of await db().approval.findMany()) snowflakes.add(a.moderatorId);
    for (const v of await db().vote.findMany()) snowflakes.add(v.discordId);
    expect(snowflakes.size).toBeGreaterThan(10);
    const evaluation = await db().evaluation.findFirstOrThrow({ where: { contributionId } });
    const paths = [
      "/api/public/summary",
      "/api/public/epochs",
      "/api/public/proposals",
      `/api/public/proposals/${proposalId}`,
      "/api/public/payouts",
      `/api/public/evaluations/${evaluation.id}`,
      "/api/public/nodes",
      "/api/public/audit",
      "/",
      "/transparency.js",
    ];
    for (const path of paths) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(200);
      const body = await res.text();
      for (const id of snowflakes) expect(body, path).not.toContain(id);
      const again = await fetch(`${url}${path}`, { headers: { "if-none-match": res.headers.get("etag") ?? "" } });
      if (path.startsWith("/api/")) expect(again.status, path).toBe(304);
    }
    const detail = (await (await fetch(`${url}/api/public/proposals/${proposalId}`)).json()) as {
      lines: { reasons: { kind: string; id?: number; evaluation?: { id: number } }[] }[];
    };
    const line = detail.lines.find((l: { reasons: { kind: string; id?: number }[] }) =>
      l.reasons.some((r) => r.kind === "contribution" && r.id === contributionId),
    );
    expect(line?.reasons[0]?.evaluation?.id).toBe(evaluation.id);
    const summary = (await (await fetch(`${url}/api/public/summary`)).json()) as {
      rewardsByEpoch: { byCategory: Record<string, string> }[];
    };
    const paid = BigInt((await db().payoutIntent.findFirstOrThrow({ where: { proposalId } })).total.toFixed());
    const byCategory = summary.rewardsByEpoch[0]?.byCategory ?? {};
    expect(Object.values(byCategory).reduce((n, v) => n + BigInt(v), 0n)).toBe(paid);
    expect(Object.keys(byCategory)).toEqual(["code"]);
    const page1 = (await (await fetch(`${url}/api/public/epochs?limit=1`)).json()) as {
      items: unknown[];
      nextCursor: number;
    };
    expect(page1.items).toHaveLength(1);
    const page2 = (await (await fetch(`${url}/api/public/epochs?limit=1&cursor=${page1.nextCursor}`)).json()) as {
      items: { number: number }[];
      nextCursor: number | null;
    };
    expect(page2.items.map((e: { number: number }) => e.number)).toEqual([1]);
    expect(page2.nextCursor).toBeNull();
    const bad = await fetch(`${url}/api/public/epochs?limit=lots`);
    expect(bad.status).toBe(400);
    const missing = await fetch(`${url}/api/public/proposals/9999`);
    expect(await missing.json()).toEqual({ error: "not_found", message: "There is no proposal #9999." });
  });

  it("catches a payout whose recorded recipient is not the one the chain paid", async () => {
    const p = await db().proposal.findUniqueOrThrow({ where: { id: proposalId } });
    const intent = await db().payoutIntent.findFirstOrThrow({ where: { proposalId } });
    const original = { batch: p.batch, batchHash: p.batchHash, entries: intent.entries };
    const entries = p.batch as unknown as BatchEntry[];
    const forged = entries.map((e, i) =>
      i === 0 ? { ...e, recipient: "0x000000000000000000000000000000000000dEaD" } : e,
    );
    await withoutTriggers(["Proposal", "PayoutIntent"], async () => {
      await db().proposal.update({
        where: { id: proposalId },
        data: { batch: forged as never, batchHash: batchHash(forged) },
      });
      await db().payoutIntent.update({
        where: { id: intent.id },
        data: { entries: forged.map((e) => ({ recipient: e.recipient, amount: e.amount })) },
      });
    });
    try {
      const report = await verifyAudit(services());
      expect(report.ok).toBe(false);
      const text = inWords(report).mismatches.join("\n");
      expect(text).toContain(
        `proposal #${proposalId}: the vote bound batch hash ${original.batchHash}, but the proposal's batch hash is ${batchHash(forged)}`,
      );
      expect(text).toMatch(
        new RegExp(
          `proposal #${proposalId} chunk 1 of 1 \\(tx ${txHash}\\), line 1: the batch pays 0x000000000000000000000000000000000000dEaD [\\d.]+ STEW, but the chain's Transfer went to ${entries[0]?.recipient}`,
        ),
      );
    } finally {
      await withoutTriggers(["Proposal", "PayoutIntent"], async () => {
        await db().proposal.update({
          where: { id: proposalId },
          data: { batch: original.batch as never, batchHash: original.batchHash },
        });
        await db().payoutIntent.update({ where: { id: intent.id }, data: { entries: original.entries as never } });
      });
    }
    expect((await verifyAudit(services())).ok).toBe(true);
  });

  it("catches an audit row changed in place", async () => {
    const vote = await db().auditEvent.findFirstOrThrow({ where: { action: "vote.cast" } });
    await withoutTriggers(["AuditEvent"], () =>
      db()
        .auditEvent.update({ where: { id: vote.id }, data: { payload: { ...(vote.payload as object), choice: 2 } } })
        .then(() => {}),
    );
    try {
      const report = await verifyAudit(services());
      expect(inWords(report).mismatches[0]).toMatch(
        new RegExp(
          `^audit event #${vote.id} \\(vote\\.cast of proposal ${proposalId}\\) was changed after it was written: its content hashes to [0-9a-f]{12}…, not to its stored hash ${vote.hash.slice(0, 12)}…$`,
        ),
      );
    } finally {
      await withoutTriggers(["AuditEvent"], () =>
        db()
          .auditEvent.update({ where: { id: vote.id }, data: { payload: vote.payload as never } })
          .then(() => {}),
      );
    }
  });

  it("catches a history rewritten end to end, consistent in itself, by the anchor on chain", async () => {
    const events = await db().auditEvent.findMany({ orderBy: { id: "asc" } });
    const anchors = await db().auditAnchor.findMany();
    // The operator raises an evaluation's score (before the anchored close) and re-chains every event after it, and
    // rewrites the anchors Steward recorded too: only the one on chain is out of reach.
    const rewritten = chainEvents(
      "0".repeat(64),
      events.map((e) => ({
        guildId: e.guildId,
        actorId: e.actorId,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        payload:
          e.action === "evaluation.created"
            ? { ...(e.payload as object), total: 100 }
            : (e.payload as Record<string, unknown>),
        createdAt: e.createdAt,
      })),
    );
    await withoutTriggers(["AuditEvent"], async () => {
      for (const [i, e] of events.entries()) {
        const r = rewritten[i];
        if (r)
          await db().auditEvent.update({
            where: { id: e.id },
            data: { payload: r.payload, prevHash: `tmp-${e.id}`, hash: `tmp-h-${e.id}` },
          });
      }
      for (const [i, e] of events.entries()) {
        const r = rewritten[i];
        if (r) await db().auditEvent.update({ where: { id: e.id }, data: { prevHash: r.prevHash, hash: r.hash } });
      }
    });
    for (const a of anchors) {
      const i = events.findIndex((e) => e.id === a.eventId);
      await db().auditAnchor.update({ where: { id: a.id }, data: { hash: rewritten[i]?.hash ?? a.hash } });
    }
    const report = await verifyAudit(services());
    expect(inWords(report).checked[0]).toMatch(/^audit log: \d+ events, every hash and link recomputed/);
    expect(report.ok).toBe(false);
    const anchor = anchors.find((a) => a.txHash) as (typeof anchors)[number];
    expect(inWords(report).mismatches).toContainEqual(
      `the anchor published in block ${anchor.blockNumber} (tx ${anchor.txHash}) says event #${anchor.eventId} had hash ${anchor.hash.slice(0, 16)}…, but the audit log's event #${anchor.eventId} has ${rewritten[events.findIndex((e) => e.id === anchor.eventId)]?.hash.slice(0, 16)}…: the history was rewritten after it was anchored`,
    );
  });
});
