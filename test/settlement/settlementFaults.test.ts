import { Contract, parseUnits, Wallet } from "ethers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settlementProvider } from "../../src/chain/createSettlementChain.ts";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import { appendAuditEvent } from "../../src/services/audit/appendAuditEvent.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { verifyAudit } from "../../src/services/audit/verifyAudit.ts";
import { type BatchEntry, batchHash } from "../../src/services/epochs/batchHash.ts";
import { retryPayout } from "../../src/services/settlement/retryPayout.ts";
import {
  CHUNK_STEPS,
  InjectedCrash,
  PROPOSAL_STEPS,
  type SettlementStep,
} from "../../src/services/settlement/settlementDeps.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement } from "../helpers/localSettlement.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

/**
 * "Nothing stalls", checked as a property rather than as cases: random sequences of payout proposals (equal batches
 * among them, several chunks each) settled through random faults — an RPC that times out for some chunks, the
 * process dying at any step of a chunk or a proposal, a treasury that cannot pay for gas for a while, recipients whose
 * transfer the token refuses (it reverts, returns false, or burns all its gas) — with moderators retrying what failed
 * once the cause is gone. After each sequence: every voted line is paid exactly once on chain or held for its
 * recipient, never both (each recipient holds, or is held, exactly what the settled batches owe; the distributor
 * keeps exactly the held amounts), no proposal is left unfinished, no run failed for anything but a staged crash, and
 * `verifyAudit` finds nothing wrong. SOAK_RUNS sets how many sequences
 * (`npm run test:soak` runs many more).
 */
const RUNS = Number(process.env.SOAK_RUNS ?? 10);
const moderator = { guildId: "100000000000000001", discordId: "900000000000000009", username: "mod" };
const STEPS: SettlementStep[] = [...CHUNK_STEPS, ...PROPOSAL_STEPS.filter((s) => s.endsWith("settled"))];

let chain: LocalChain;
let deployed: Deployed;
let rpc: ReturnType<typeof settlementProvider>;
let seed = 5_000;
/** TrickyToken's modes for a recipient whose transfer fails: REVERT, RETURN_FALSE, BURN_GAS. */
const REFUSALS = [1, 2, 3] as const;

let token: Contract;

beforeAll(async () => {
  ({ chain, deployed } = await anvilWithContracts({ tricky: true }));
  rpc = settlementProvider(chain.rpcUrl, 31337, 50);
  const a = loadArtifact("TrickyToken");
  token = new Contract(deployed.token, a.abi as never, new Wallet(chain.deployerKey, rpc));
}, 60_000);
afterAll(async () => {
  rpc?.destroy();
  await chain?.stop();
});

const fault = fc.oneof(
  fc.record({ kind: fc.constant("timeout" as const), proposal: fc.nat(3), runs: fc.integer({ min: 1, max: 2 }) }),
  fc.record({
    kind: fc.constant("crash" as const),
    step: fc.constantFrom(...STEPS),
    nth: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("noGas" as const), run: fc.integer({ min: 0, max: 2 }) }),
);
const scenario = fc.record({
  proposals: fc.array(
    fc.record({
      lines: fc.array(
        fc.record({
          amount: fc.integer({ min: 1, max: 5 }),
          // Mostly a recipient the token pays; sometimes one it refuses, one way or another.
          refusal: fc.oneof(
            { arbitrary: fc.constant(null), weight: 4 },
            { arbitrary: fc.constantFrom(...REFUSALS), weight: 1 },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      // The same batch as the proposal before it (a provider alone on the network, epoch after epoch).
      sameAsBefore: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  chunkSize: fc.integer({ min: 1, max: 3 }),
  faults: fc.array(fault, { maxLength: 3 }),
});

describe("settlement under random faults", () => {
  it(`pays every voted line exactly once and leaves nothing unfinished (${RUNS} random sequences)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const database = await createTestDatabase();
        const deps = serviceDeps(database);
        const settlement = localSettlement(chain, deployed, { chunkSize: sc.chunkSize, receiptWaitMs: 3_000 });
        deps.settlement = settlement;
        try {
          // The batches: each line's recipient is new to this sequence, so the chain's balances are its own.
          const batches: BatchEntry[][] = [];
          for (const p of sc.proposals) {
            const previous = batches.at(-1);
            if (p.sameAsBefore && previous) {
              batches.push(previous);
              continue;
            }
            const to = recipients(p.lines.length, seed++);
            batches.push(
              p.lines.map((l, i) => ({
                recipient: to[i] as string,
                amount: parseUnits(String(l.amount), 18).toString(),
                refs: [`node:${i + 1}`],
              })),
            );
            const refused = p.lines.flatMap((l, i) =>
              l.refusal === null ? [] : [[to[i] as string, l.refusal] as const],
            );
            if (refused.length > 0) {
              await (
                await token.getFunction("setModes")(
                  refused.map(([r]) => r),
                  refused.map(([, m]) => m),
                )
              ).wait();
            }
          }
          const ids: number[] = [];
          for (const b of batches) {
            const id = await approvedPayout(deps.db, b);
            ids.push(id);
            // The vote that bound the batch's hash, as opening it records (verifyAudit checks the payment against it).
            await runAudited(deps.db, (tx) =>
              appendAuditEvent(tx, {
                guildId: moderator.guildId,
                actorId: moderator.discordId,
                action: "proposal.opened",
                subjectType: "proposal",
                subjectId: String(id),
                payload: { batchHash: batchHash(b) },
                createdAt: new Date(),
              }),
            );
          }
          const owed = new Map<string, bigint>();
          for (const b of batches) {
            for (const l of b) owed.set(l.recipient, (owed.get(l.recipient) ?? 0n) + BigInt(l.amount));
          }
          const before = new Map<string, bigint>();
          for (const r of owed.keys()) before.set(r, await settlement.chain.tokenBalance(r));
          const distributorBefore = await settlement.chain.tokenBalance(deployed.distributor);

          const crashes = sc.faults.filter((f) => f.kind === "crash");
          let crashCount = 0;
          const preflight = settlement.chain.preflight.bind(settlement.chain);
          const gas = await rpc.getBalance(settlement.chain.treasury);
          for (let run = 0; run < 12; run++) {
            // This run's faults: the timeouts still in effect, the treasury without gas, the next staged crash.
            const timeouts = sc.faults.flatMap((f) => (f.kind === "timeout" && run < f.runs ? [f] : []));
            settlement.chain.preflight = async (call) => {
              for (const t of timeouts) {
                const batch = batches[t.proposal % batches.length] ?? [];
                if (batch.some((l) => call.payouts.some((w) => (w & ((1n << 160n) - 1n)) === BigInt(l.recipient)))) {
                  throw new Error("request timeout");
                }
              }
              return preflight(call);
            };
            const noGas = sc.faults.some((f) => f.kind === "noGas" && f.run === run);
            if (noGas) await rpc.send("anvil_setBalance", [settlement.chain.treasury, "0x0"]);
            const crash = crashes[crashCount];
            let passed = 0;
            settlement.checkpoint = (point) => {
              if (crash?.kind === "crash" && point === crash.step && ++passed === crash.nth) {
                crashCount++;
                throw new InjectedCrash(point);
              }
            };
            try {
              await settlePayouts(deps);
            } catch (error) {
              // The only thing a run may throw is the crash this sequence staged.
              if (!(error instanceof InjectedCrash)) throw error;
            } finally {
              if (noGas) await rpc.send("anvil_setBalance", [settlement.chain.treasury, `0x${gas.toString(16)}`]);
              settlement.checkpoint = () => {};
            }
            // Moderators fix what failed (the causes are gone) and retry it.
            const failed = await deps.db.payoutIntent.findMany({
              where: { status: "failed" },
              select: { proposalId: true },
              distinct: ["proposalId"],
            });
            for (const f of failed) await retryPayout(deps, moderator, f.proposalId);
            const open = await deps.db.proposal.count({ where: { id: { in: ids }, status: { not: "settled" } } });
            if (open === 0 && run >= 2) break;
          }
          settlement.chain.preflight = preflight;
          settlement.checkpoint = () => {};
          // Whatever happened, a last quiet run finishes everything.
          await settlePayouts(deps);

          const statuses = await deps.db.proposal.findMany({ where: { id: { in: ids } }, select: { status: true } });
          expect(statuses.map((s) => s.status)).toEqual(ids.map(() => "settled"));
          const heldLines = await deps.db.heldLine.findMany({ where: { proposalId: { in: ids } } });
          const heldTotal = heldLines.reduce((n, h) => n + BigInt(h.amount.toFixed()), 0n);
          for (const [r, amount] of owed) {
            const paid = (await settlement.chain.tokenBalance(r)) - (before.get(r) ?? 0n);
            const held = heldLines
              .filter((h) => h.recipient === r && h.status === "held")
              .reduce((n, h) => n + BigInt(h.amount.toFixed()), 0n);
            const refused = Number(await token.getFunction("modeOf")(r)) !== 0;
            expect({ paid, held }, `${r} paid exactly once, or held`).toEqual(
              refused ? { paid: 0n, held: amount } : { paid: amount, held: 0n },
            );
          }
          // Sums conserved: the distributor keeps exactly what it holds for recipients, nothing more or less.
          expect((await settlement.chain.tokenBalance(deployed.distributor)) - distributorBefore).toBe(heldTotal);
          const verified = await verifyAudit(deps);
          expect(verified.mismatches).toEqual([]);
        } finally {
          settlement.chain.destroy();
          settlement.audit.destroy();
          await database.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
