import { randomBytes } from "node:crypto";
import { Contract, ContractFactory, parseUnits, Wallet } from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { settlementProvider } from "../../src/chain/createSettlementChain.ts";
import { type Deployed, deployContracts } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { appendAuditEvent } from "../../src/services/audit/appendAuditEvent.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { verifyAudit } from "../../src/services/audit/verifyAudit.ts";
import type { Actor } from "../../src/services/deps.ts";
import { type BatchEntry, batchHash } from "../../src/services/epochs/batchHash.ts";
import { askClaim } from "../../src/services/settlement/held/askClaim.ts";
import { askReturn } from "../../src/services/settlement/held/askReturn.ts";
import { listHeldLines } from "../../src/services/settlement/held/listHeldLines.ts";
import { submitClaim } from "../../src/services/settlement/held/submitClaim.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout } from "../helpers/approvedPayout.ts";
import { localSettlement } from "../helpers/localSettlement.ts";
import { queuedNotes } from "../helpers/outbox.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// Issue 19, §1.3: a recipient whose transfer reverts (a blacklisted address, a hook that refuses) cannot sink its
// chunk. StewardDistributorV2 holds that line; Steward records it, its owner claims it to another wallet with a
// signature Steward relays, or a moderator returns it to the treasury after the claim period.
const GUILD = "100000000000000001";
const CLAIM_PERIOD_S = 600;
const REVERT = 1;

let chain: LocalChain;
let rpc: ReturnType<typeof settlementProvider>;
let token: Contract;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: ReturnType<typeof localSettlement>;

const tokens = (n: string) => parseUnits(n, 18);
const treasury = () => new Wallet(chain.deployerKey, rpc);
const balance = (who: string) => token.getFunction("balanceOf")(who) as Promise<bigint>;
const refuse = async (...who: string[]) => {
  const tricky = token.connect(treasury()) as Contract;
  await (
    await tricky.getFunction("setModes")(
      who,
      who.map(() => REVERT),
    )
  ).wait();
};

async function member(discordId: string, ...wallets: { address: string }[]): Promise<Actor> {
  const m = await deps.db.member.create({ data: { guildId: GUILD, discordId, username: `m${discordId.slice(-3)}` } });
  for (const [n, w] of wallets.entries()) {
    const last = n === wallets.length - 1;
    const challenge = await deps.db.walletChallenge.create({
      data: {
        guildId: GUILD,
        memberId: m.id,
        address: w.address,
        nonce: randomBytes(8).toString("hex"),
        message: "-",
        expiresAt: new Date(),
      },
    });
    await deps.db.wallet.create({
      data: {
        guildId: GUILD,
        memberId: m.id,
        address: w.address,
        challengeId: challenge.id,
        ...(last ? { activeFor: m.id, activeAddress: `${GUILD}:${w.address}` } : { replacedAt: new Date() }),
      },
    });
  }
  return { guildId: GUILD, discordId, username: m.username };
}

/** An approved payout as a vote leaves it: the audit log records the batch hash the vote bound. */
async function voted(batch: BatchEntry[]): Promise<number> {
  const id = await approvedPayout(deps.db, batch);
  await runAudited(deps.db, (tx) =>
    appendAuditEvent(tx, {
      guildId: GUILD,
      actorId: "900000000000000001",
      action: "proposal.opened",
      subjectType: "proposal",
      subjectId: String(id),
      payload: { batchHash: batchHash(batch) },
      createdAt: new Date(),
    }),
  );
  return id;
}

/** Changes as the database's administrator could make them: the tables' own triggers refuse them otherwise. */
async function asAdministrator(...tables: string[]) {
  for (const table of tables) await deps.db.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
}

const batchOf = (lines: [string, string][]): BatchEntry[] =>
  lines.map(([recipient, amount], i) => ({
    recipient,
    amount: tokens(amount).toString(),
    refs: [`contribution:${i + 1}`],
  }));

beforeAll(async () => {
  chain = await startAnvil();
  rpc = settlementProvider(chain.rpcUrl, 31337, 50);
  const a = loadArtifact("TrickyToken");
  const wallet = treasury();
  token = (await new ContractFactory(a.abi as never, a.bytecode, wallet).deploy(
    wallet.address,
    tokens("1000000"),
  )) as Contract;
  await token.waitForDeployment();
  deployed = await deployContracts({
    rpcUrl: chain.rpcUrl,
    key: chain.deployerKey,
    token: await token.getAddress(),
    tokenSymbol: "STEW",
    tokenDecimals: 18,
    claimPeriodSeconds: CLAIM_PERIOD_S,
  });
}, 60_000);
afterAll(async () => {
  settlement?.chain.destroy();
  settlement?.audit.destroy();
  rpc?.destroy();
  await database?.close();
  await chain?.stop();
});
beforeEach(async () => {
  await database?.close();
  database = await createTestDatabase();
  deps = serviceDeps(database);
  settlement?.chain.destroy();
  settlement?.audit.destroy();
  settlement = localSettlement(chain, deployed, { receiptWaitMs: 5_000 });
  deps.settlement = settlement;
}, 60_000);

describe("held lines (StewardDistributorV2)", () => {
  it("pays the rest of a chunk whose one recipient refuses, records the held line, and its owner claims it to a new wallet", async () => {
    const blocked = Wallet.createRandom();
    const fresh = Wallet.createRandom();
    const other = Wallet.createRandom();
    await refuse(blocked.address);
    const alice = await member("300000000000000001", blocked, fresh);
    const bob = await member("300000000000000002", other);
    const proposalId = await voted(
      batchOf([
        [blocked.address, "5"],
        [other.address, "3"],
      ]),
    );
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([proposalId]);
    expect(report.failed).toEqual([]);
    expect(await balance(other.address)).toBe(tokens("3"));
    expect(await balance(blocked.address)).toBe(0n);
    // Lines are in the batch's canonical order (by address), so the refused one may be either.
    const intent = await deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId } });
    const lineIndex = (intent.entries as { recipient: string }[]).findIndex((e) => e.recipient === blocked.address);
    expect(lineIndex).toBeGreaterThanOrEqual(0);
    const [line] = await deps.db.heldLine.findMany();
    expect(line).toMatchObject({ proposalId, lineIndex, recipient: blocked.address, status: "held" });
    expect(BigInt(line?.amount.toFixed() ?? 0)).toBe(tokens("5"));
    expect(await queuedNotes(deps.db)).toContainEqual({
      channel: "payouts",
      fact: {
        kind: "lines_held",
        chunk: { proposalId, chunkIndex: 0, chunkCount: 1 },
        count: 1,
        lines: [{ id: line?.id, lineIndex, recipient: blocked.address, amount: tokens("5").toString() }],
      },
    });
    expect((await verifyAudit(deps)).mismatches).toEqual([]);

    const id = line?.id ?? 0;
    expect((await listHeldLines(deps, alice)).map((l) => l.id)).toEqual([id]);
    expect(await listHeldLines(deps, bob)).toEqual([]);
    await expect(askClaim(deps, bob, id)).rejects.toMatchObject({ code: "held_line_not_yours" });
    await expect(submitClaim(deps, alice, id, "0x12")).rejects.toMatchObject({ code: "claim_not_asked" });

    const asked = await askClaim(deps, alice, id);
    expect(asked.to).toBe(fresh.address);
    expect(asked.typedData.message).toEqual({
      lineId: line?.lineId,
      to: fresh.address,
      deadline: String(Math.floor(asked.deadline.getTime() / 1000)),
    });
    const { domain, types, message } = asked.typedData;
    // Signed by another key: the distributor would refuse it, nothing is queued.
    const wrong = await other.signTypedData(domain, types, message);
    await expect(submitClaim(deps, alice, id, wrong)).rejects.toMatchObject({
      code: "claim_refused",
      context: { refusal: { kind: "contract_error", name: "InvalidClaimSignature" } },
    });
    await expect(submitClaim(deps, alice, id, "not hex")).rejects.toMatchObject({ code: "claim_signature_malformed" });
    const signature = await blocked.signTypedData(domain, types, message);
    expect(await submitClaim(deps, alice, id, signature)).toEqual({ queued: true, id, to: fresh.address });

    const relayed = await settlePayouts(deps);
    expect(relayed.heldLines).toMatchObject({ resolved: [{ id, status: "claimed" }], refused: [], waiting: null });
    expect(await balance(fresh.address)).toBe(tokens("5"));
    expect(await deps.db.heldLine.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "claimed",
      paidTo: fresh.address,
    });
    await expect(askClaim(deps, alice, id)).rejects.toMatchObject({ code: "held_line_resolved" });
    // A second run sends nothing more; the audit still holds.
    expect((await settlePayouts(deps)).heldLines).toEqual({ resolved: [], refused: [], waiting: null });
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
    // What was held can never be rewritten.
    await expect(deps.db.heldLine.update({ where: { id }, data: { status: "held" } })).rejects.toThrow(
      /was already paid out/,
    );
  }, 90_000);

  it("the audit names a held line Steward has no record of, and one the distributor held for another line", async () => {
    const blocked = Wallet.createRandom();
    const other = Wallet.createRandom();
    await refuse(blocked.address);
    const proposalId = await voted(
      batchOf([
        [blocked.address, "5"],
        [other.address, "3"],
      ]),
    );
    await settlePayouts(deps);
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
    const intent = await deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId } });
    const held = await deps.db.heldLine.findFirstOrThrow();
    const chunk = { proposalId, index: 0, count: 1, txHash: intent.txHash };
    await asAdministrator("HeldLine", "PayoutIntent");
    await deps.db.heldLine.delete({ where: { id: held.id } });
    expect((await verifyAudit(deps)).mismatches).toEqual([
      { kind: "line_held_unrecorded", chunk, line: held.lineIndex + 1 },
    ]);
    const entries = intent.entries as { recipient: string; amount: string }[];
    const forged = entries.map((e, n) => (n === held.lineIndex ? { ...e, amount: tokens("4").toString() } : e));
    await deps.db.payoutIntent.update({ where: { id: intent.id }, data: { entries: forged as never } });
    expect((await verifyAudit(deps)).mismatches).toContainEqual({
      kind: "line_held_other",
      chunk,
      line: held.lineIndex + 1,
      pays: { recipient: blocked.address, amount: tokens("4").toString() },
      held: { recipient: blocked.address, amount: tokens("5").toString() },
    });
  }, 90_000);

  it("the audit tells two held lines apart: the one not recorded, the one held for another recipient, a transfer past the lines", async () => {
    const [first, second, paid] = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
    await refuse(first.address, second.address);
    const proposalId = await voted(
      batchOf([
        [first.address, "5"],
        [second.address, "2"],
        [paid.address, "3"],
      ]),
    );
    await settlePayouts(deps);
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
    const intent = await deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId } });
    const entries = intent.entries as { recipient: string; amount: string }[];
    const indexOf = (who: string) => entries.findIndex((e) => e.recipient === who);
    const chunk = { proposalId, index: 0, count: 1, txHash: intent.txHash };
    await asAdministrator("HeldLine", "PayoutIntent");
    // One of the two records gone: only its line is named.
    await deps.db.heldLine.deleteMany({ where: { recipient: first.address } });
    expect((await verifyAudit(deps)).mismatches).toEqual([
      { kind: "line_held_unrecorded", chunk, line: indexOf(first.address) + 1 },
    ]);
    // The other held line's recipient rewritten, its amount kept.
    const rewritten = entries.map((e) => (e.recipient === second.address ? { ...e, recipient: paid.address } : e));
    await deps.db.payoutIntent.update({ where: { id: intent.id }, data: { entries: rewritten as never } });
    expect((await verifyAudit(deps)).mismatches).toContainEqual({
      kind: "line_held_other",
      chunk,
      line: indexOf(second.address) + 1,
      pays: { recipient: paid.address, amount: tokens("2").toString() },
      held: { recipient: second.address, amount: tokens("2").toString() },
    });
    // The stored lines cut short: the chain's transfer and held lines past them are named too.
    const last = entries.length - 1;
    await deps.db.payoutIntent.update({ where: { id: intent.id }, data: { entries: entries.slice(0, last) as never } });
    const found = (await verifyAudit(deps)).mismatches;
    const lastLine = entries[last] as { recipient: string; amount: string };
    if (lastLine.recipient === paid.address) {
      expect(found).toContainEqual({
        kind: "line_transfer",
        chunk,
        line: last + 1,
        pays: null,
        transfer: { to: paid.address, amount: tokens("3").toString() },
      });
    } else {
      expect(found).toContainEqual({
        kind: "line_held_other",
        chunk,
        line: last + 1,
        pays: null,
        held: { recipient: lastLine.recipient, amount: BigInt(lastLine.amount).toString() },
      });
    }
  }, 90_000);

  it("the audit reads a chunk's held lines against its own records, not another payout's", async () => {
    const [first, second] = [Wallet.createRandom(), Wallet.createRandom()];
    await refuse(first.address, second.address);
    // Two payouts, each holding its only line: both at line 1.
    const one = await voted(batchOf([[first.address, "5"]]));
    await settlePayouts(deps);
    const two = await voted(batchOf([[second.address, "4"]]));
    await settlePayouts(deps);
    expect((await deps.db.heldLine.findMany()).map((h) => [h.proposalId, h.lineIndex])).toEqual([
      [one, 0],
      [two, 0],
    ]);
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
    await asAdministrator("HeldLine");
    await deps.db.heldLine.deleteMany({ where: { proposalId: one } });
    const intent = await deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId: one } });
    expect((await verifyAudit(deps)).mismatches).toEqual([
      { kind: "line_held_unrecorded", chunk: { proposalId: one, index: 0, count: 1, txHash: intent.txHash }, line: 1 },
    ]);
  }, 90_000);

  it("returns a line to the treasury only after the claim period, and survives a relay that times out", async () => {
    const blocked = Wallet.createRandom();
    await refuse(blocked.address);
    const moderator = await member("300000000000000009", Wallet.createRandom());
    await voted(batchOf([[blocked.address, "4"]]));
    await settlePayouts(deps);
    const line = await deps.db.heldLine.findFirstOrThrow();
    await expect(askReturn(deps, moderator, line.id)).rejects.toMatchObject({ code: "held_line_claim_period" });
    await rpc.send("evm_increaseTime", [CLAIM_PERIOD_S + 1]);
    await rpc.send("evm_mine", []);
    const before = await balance(settlement.chain.treasury);
    expect(await askReturn(deps, moderator, line.id)).toEqual({
      queued: true,
      id: line.id,
      treasury: settlement.chain.treasury,
    });
    // The node times out on the first broadcast: the signed relay is kept and sent again by the next run.
    const broadcast = settlement.chain.broadcast.bind(settlement.chain);
    let fail = true;
    settlement.chain.broadcast = async (raw) => {
      if (fail) {
        fail = false;
        throw new Error("request timeout after 30000 ms");
      }
      return broadcast(raw);
    };
    const first = await settlePayouts(deps);
    expect(first.heldLines).toEqual({ error: "request timeout after 30000 ms" });
    expect(await deps.db.heldLine.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ status: "sent" });
    const second = await settlePayouts(deps);
    expect(second.heldLines).toMatchObject({ resolved: [{ id: line.id, status: "returned" }] });
    expect((await balance(settlement.chain.treasury)) - before).toBe(tokens("4"));
    expect(await queuedNotes(deps.db)).toContainEqual({
      channel: "payouts",
      fact: {
        kind: "held_line_released",
        line: { id: line.id, recipient: blocked.address, amount: tokens("4").toString() },
        proposalId: line.proposalId,
        how: "returned",
        to: settlement.chain.treasury,
        txHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      },
    });
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
  }, 90_000);
});

describe("a distributor of version 1 (deployed before)", () => {
  it("still pays through it, reads its Settled events, and the audit verifies", async () => {
    const v1 = await deployContracts({
      rpcUrl: chain.rpcUrl,
      key: chain.deployerKey,
      tokenSymbol: "OLD",
      tokenDecimals: 18,
      distributorVersion: 1,
    });
    settlement.chain.destroy();
    settlement.audit.destroy();
    settlement = localSettlement(chain, v1);
    deps.settlement = settlement;
    expect(await settlement.chain.distributorVersion()).toBe(1);
    const to = Wallet.createRandom().address;
    const proposalId = await voted(batchOf([[to, "2"]]));
    expect((await settlePayouts(deps)).settled).toEqual([proposalId]);
    const erc20 = new Contract(v1.token, ["function balanceOf(address) view returns (uint256)"], rpc);
    expect(await erc20.getFunction("balanceOf")(to)).toBe(tokens("2"));
    const intent = await deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId } });
    expect(await settlement.chain.findSettled(intent.batchId)).toMatchObject({
      txHash: intent.txHash,
      linesHash: null,
    });
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
  }, 90_000);
});
