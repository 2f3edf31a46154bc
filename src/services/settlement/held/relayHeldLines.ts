import type { HeldLineProblem } from "../../../base/heldLineProblem.ts";
import { readHeldLineProblem } from "../../../db/json/heldLineProblem.ts";
import { type HeldLine, Prisma } from "../../../generated/prisma/client.ts";
import { appendAuditEvent } from "../../audit/appendAuditEvent.ts";
import { runAudited } from "../../audit/runAudited.ts";
import type { ServiceDeps } from "../../deps.ts";
import { enqueuePosts } from "../../publishing/enqueuePosts.ts";
import { holdingNonces } from "../holdingNonces.ts";
import { ChainRefusal, type LineCall } from "../settlementChain.ts";
import type { SettlementDeps } from "../settlementDeps.ts";

export interface RelayReport {
  /** Lines paid out by this run (or found paid out by someone else's transaction). */
  resolved: { id: number; status: "claimed" | "redirected" | "returned"; txHash: string }[];
  /** Lines whose claim or return the chain refused: back to held, with the reason (told once). */
  refused: { id: number; problem: HeldLineProblem }[];
  /** A relay transaction not mined yet: the next run goes on from it. */
  waiting: number | null;
}

type Released = { kind: "claimed" | "redirected" | "returned"; to: string; txHash: string; blockNumber: number };

/**
 * Sends the claims members signed and the returns moderators asked for, one transaction at a time from the treasury's
 * key, once no payout holds a nonce. Each relay is stored (nonce, raw transaction) before it is sent, and the
 * distributor's state is the last word: a line it no longer holds is recorded from the event that released it
 * (whoever sent it), so a crash anywhere neither loses a claim nor sends one twice.
 */
export async function relayHeldLines(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
): Promise<RelayReport> {
  const report: RelayReport = { resolved: [], refused: [], waiting: null };
  const { chain } = settlement;
  if (settlement.mode !== "send" || settlement.blocked) return report;
  const open = await deps.db.heldLine.findMany({
    where: {
      chainId: chain.chainId,
      treasury: chain.treasury,
      status: { in: ["sent", "claim_signed", "return_asked"] },
    },
    // A sent relay first: its nonce comes before any new one.
    orderBy: [{ nonce: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
  if (open.length === 0) return report;
  if ((await chain.distributorVersion()) !== 2) return report;
  for (const start of open) {
    let line = start;
    for (let step = 0; step < 4; step++) {
      const outcome = await advance(deps, settlement, line);
      if ("line" in outcome) {
        line = outcome.line;
        continue;
      }
      if ("resolved" in outcome) report.resolved.push(outcome.resolved);
      if ("refused" in outcome) report.refused.push({ id: line.id, problem: outcome.refused });
      if ("waiting" in outcome) report.waiting = line.id;
      break;
    }
    if (report.waiting !== null) break;
  }
  return report;
}

type Step =
  | { line: HeldLine }
  | { resolved: RelayReport["resolved"][number] }
  | { refused: HeldLineProblem }
  | { waiting: true };

async function advance(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
  line: HeldLine,
): Promise<Step> {
  const { chain } = settlement;
  if ((await chain.heldLine(line.lineId)) === null) {
    const released = await chain.lineReleased(line.lineId);
    if (released) return { resolved: await resolve(deps, line, released) };
  }
  if (line.status === "sent") {
    const receipt = await chain.receipt(line.txHash as string);
    if (receipt) {
      const released = receipt.success ? await chain.lineReleased(line.lineId) : null;
      if (released) return { resolved: await resolve(deps, line, released) };
      // Reverted (the token refused the claimed wallet too, a deadline passed on the way): back to held, said.
      return { refused: await refuse(deps, line, { kind: "reverted", txHash: line.txHash }) };
    }
    const { latest } = await chain.nonces();
    if (latest > (line.nonce ?? 0)) {
      // Its nonce was used by another transaction and the line is still held: signed again at a new nonce.
      return { line: await update(deps, line, "held_line.relay_resigned", unsent(line), { txHash: line.txHash }) };
    }
    try {
      await chain.broadcast(line.rawTx as string);
    } catch (error) {
      if (!(error instanceof ChainRefusal)) throw error;
      return { refused: await refuse(deps, line, { kind: "chain_refused", refusal: error.fact }) };
    }
    const deadline = Date.now() + settlement.receiptWaitMs;
    while (Date.now() < deadline) {
      if (await chain.receipt(line.txHash as string)) return { line };
      await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(50, settlement.receiptWaitMs / 20))));
    }
    return { waiting: true };
  }
  const call = callOf(line);
  if (call.kind === "claim" && (line.claimDeadline ?? 0) < (await chain.chainTime())) {
    return { refused: await refuse(deps, line, { kind: "claim_expired" }) };
  }
  let signed: { raw: string; hash: string };
  let nonce: number;
  try {
    await chain.checkLineCall(call);
    nonce = await nextNonce(deps, settlement);
    signed = await chain.signLineCall(call, nonce);
  } catch (error) {
    if (!(error instanceof ChainRefusal)) throw error;
    return { refused: await refuse(deps, line, { kind: "chain_refused", refusal: error.fact }) };
  }
  const sent = await update(
    deps,
    line,
    "held_line.relay_signed",
    { status: "sent", relayKind: call.kind, nonce, rawTx: signed.raw, txHash: signed.hash },
    { txHash: signed.hash, nonce, kind: call.kind },
  );
  return { line: sent };
}

const callOf = (line: HeldLine): LineCall =>
  line.status === "claim_signed" || (line.status === "sent" && line.relayKind === "claim")
    ? {
        kind: "claim",
        lineId: line.lineId,
        to: line.claimTo as string,
        deadline: BigInt(line.claimDeadline ?? 0),
        signature: line.claimSignature as string,
      }
    : { kind: "return", lineId: line.lineId };

/** A relay that never left: back to the request it came from, its nonce free. */
const unsent = (line: HeldLine) =>
  ({
    status: line.relayKind === "claim" ? "claim_signed" : "return_asked",
    relayKind: null,
    nonce: null,
    rawTx: null,
    txHash: null,
  }) as const;

/** The next nonce: the chain's pending count, above any payout or relay of this treasury still holding one. */
async function nextNonce(deps: Pick<ServiceDeps, "db">, settlement: SettlementDeps): Promise<number> {
  const { chain } = settlement;
  const [{ pending }, intents, relays] = await Promise.all([
    chain.nonces(),
    deps.db.payoutIntent.aggregate({ where: holdingNonces(chain), _max: { nonce: true } }),
    deps.db.heldLine.aggregate({
      where: { chainId: chain.chainId, treasury: chain.treasury, status: "sent" },
      _max: { nonce: true },
    }),
  ]);
  return Math.max(pending, (intents._max.nonce ?? -1) + 1, (relays._max.nonce ?? -1) + 1);
}

async function resolve(deps: Pick<ServiceDeps, "db" | "now">, line: HeldLine, released: Released) {
  await update(
    deps,
    line,
    `held_line.${released.kind}`,
    {
      status: released.kind,
      paidTo: released.to,
      txHash: released.txHash,
      resolvedAt: deps.now(),
      problem: null,
      problemFacts: Prisma.DbNull,
      nonce: null,
      rawTx: null,
    },
    { txHash: released.txHash, blockNumber: released.blockNumber, to: released.to },
    (tx, now) =>
      enqueuePosts(tx, now, [
        {
          guildId: line.guildId,
          kind: "note",
          note: {
            channel: "payouts",
            fact: {
              kind: "held_line_released",
              line: lineRef(line),
              proposalId: line.proposalId,
              how: released.kind,
              to: released.to,
              txHash: released.txHash,
            },
          },
        },
      ]),
  );
  return { id: line.id, status: released.kind, txHash: released.txHash };
}

/** The chain refused the claim or return: the line stays held, with the reason, and moderators are told once. */
async function refuse(
  deps: Pick<ServiceDeps, "db" | "now">,
  line: HeldLine,
  problem: HeldLineProblem,
): Promise<HeldLineProblem> {
  await update(
    deps,
    line,
    "held_line.relay_refused",
    {
      status: "held",
      relayKind: null,
      nonce: null,
      rawTx: null,
      txHash: null,
      claimSignature: null,
      problem: null,
      problemFacts: problem,
    },
    { problem, txHash: line.txHash },
    // Told once: the same problem again (the recipient retried, the chain said the same) is not news.
    JSON.stringify(readHeldLineProblem(line)) === JSON.stringify(problem)
      ? undefined
      : (tx, now) =>
          enqueuePosts(tx, now, [
            {
              guildId: line.guildId,
              kind: "note",
              note: {
                channel: "payouts",
                fact: {
                  kind: "held_line_relay_refused",
                  line: lineRef(line),
                  proposalId: line.proposalId,
                  relay: line.relayKind === "return" || line.status === "return_asked" ? "return" : "claim",
                  problem,
                },
              },
            },
          ]),
  );
  return problem;
}

const lineRef = (line: HeldLine) => ({ id: line.id, recipient: line.recipient, amount: line.amount.toFixed() });

async function update(
  deps: Pick<ServiceDeps, "db" | "now">,
  line: HeldLine,
  action: string,
  data: Prisma.HeldLineUpdateInput,
  payload: Record<string, unknown>,
  also?: (tx: Prisma.TransactionClient, now: Date) => Promise<unknown>,
): Promise<HeldLine> {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const updated = await tx.heldLine.update({ where: { id: line.id }, data });
    await appendAuditEvent(tx, {
      guildId: line.guildId,
      actorId: "system:settle",
      action,
      subjectType: "held_line",
      subjectId: String(line.id),
      payload: { lineId: line.lineId, proposalId: line.proposalId, ...payload },
      createdAt: now,
    });
    await also?.(tx, now);
    return updated;
  });
}
