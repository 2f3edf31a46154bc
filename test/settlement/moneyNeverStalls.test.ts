import { Contract, ContractFactory, parseUnits, Transaction, Wallet } from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type createSettlementChain, settlementProvider } from "../../src/chain/createSettlementChain.ts";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { settleSkipText } from "../../src/jobs/settlementWords.ts";
import type { BatchEntry } from "../../src/services/epochs/batchHash.ts";
import { retryPayout } from "../../src/services/settlement/retryPayout.ts";
import { InjectedCrash, type SettlementDeps } from "../../src/services/settlement/settlementDeps.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement, localSettlementChain } from "../helpers/localSettlement.ts";
import { queuedNotes } from "../helpers/outbox.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// The reproductions of "money never stalls" (issue 19), each staged on Anvil: one bad payout, recipient or RPC answer
// must not stop the others, and nothing is paid twice.
let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: SettlementDeps & { chain: ReturnType<typeof createSettlementChain> };
let rpc: ReturnType<typeof settlementProvider>;
const moderator = { guildId: "100000000000000001", discordId: "900000000000000009", username: "mod" };

beforeAll(async () => {
  ({ chain, deployed } = await anvilWithContracts());
  rpc = settlementProvider(chain.rpcUrl, 31337, 50);
}, 60_000);
afterAll(async () => {
  settlement?.chain.destroy();
  rpc?.destroy();
  await database?.close();
  await chain?.stop();
});
beforeEach(async () => {
  await database?.close();
  database = await createTestDatabase();
  deps = serviceDeps(database);
  settlement?.chain.destroy();
  settlement = localSettlement(chain, deployed, { receiptWaitMs: 3_000 });
  deps.settlement = settlement;
}, 60_000);

const tokens = (n: string) => parseUnits(n, 18).toString();
const batchOf = (to: string[], amount = "2"): BatchEntry[] =>
  to.map((recipient, i) => ({ recipient, amount: tokens(amount), refs: [`node:${i + 1}`] }));
const balances = (to: string[]) => Promise.all(to.map((a) => settlement.chain.tokenBalance(a)));
const intentOf = (proposalId: number) => deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId } });
const treasury = () => new Wallet(chain.deployerKey, rpc);

describe("money never stalls", () => {
  it("pays two proposals with identical batches twice, and an unrelated third, in one run", async () => {
    // A provider alone on the network gets the same uptime line every epoch: equal batches, two payments.
    const alone = recipients(1, 901);
    const first = await approvedPayout(deps.db, batchOf(alone, "3"));
    const second = await approvedPayout(deps.db, batchOf(alone, "3"));
    const other = recipients(2, 902);
    const third = await approvedPayout(deps.db, batchOf(other));
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([first, second, third]);
    expect(report.stuck).toEqual([]);
    expect(await balances(alone)).toEqual([BigInt(tokens("6"))]);
    expect(await balances(other)).toEqual([BigInt(tokens("2")), BigInt(tokens("2"))]);
    const [a, b] = await Promise.all([intentOf(first), intentOf(second)]);
    expect(a.batchId).not.toBe(b.batchId);
    expect(a.idScheme).toBe(2);
  }, 60_000);

  it("records a chunk whose RPC calls fail as stuck, tells moderators once, and pays the other proposals", async () => {
    const troubled = recipients(1, 903);
    const fine = recipients(1, 904);
    const stuckId = await approvedPayout(deps.db, batchOf(troubled));
    const paidId = await approvedPayout(deps.db, batchOf(fine));
    // The node times out whenever this chunk is simulated (a provider in trouble, a bug of ours): not a refusal.
    const preflight = settlement.chain.preflight.bind(settlement.chain);
    settlement.chain.preflight = async (call) => {
      if (call.payouts.some((w) => (w & ((1n << 160n) - 1n)) === BigInt(troubled[0] as string))) {
        throw new Error("request timeout after 30000 ms\n(request details)");
      }
      return preflight(call);
    };
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([paidId]);
    expect(report.stuck).toEqual([
      { proposalId: stuckId, intentId: expect.any(Number), reason: "request timeout after 30000 ms" },
    ]);
    expect(await balances(fine)).toEqual([BigInt(tokens("2"))]);
    expect(await intentOf(stuckId)).toMatchObject({
      status: "planned",
      stuck: { kind: "error", message: "request timeout after 30000 ms" },
    });
    // Told once, however many runs it stays stuck.
    await settlePayouts(deps);
    expect(await queuedNotes(deps.db)).toEqual([
      {
        channel: "payouts",
        fact: {
          kind: "chunk_stuck",
          chunk: { proposalId: stuckId, chunkIndex: 0, chunkCount: 1 },
          reason: "request timeout after 30000 ms",
        },
      },
    ]);
    settlement.chain.preflight = preflight;
    expect((await settlePayouts(deps)).settled).toEqual([stuckId]);
    expect(await intentOf(stuckId)).toMatchObject({ status: "confirmed", stuck: null });
  }, 60_000);

  it("fails a chunk whose broadcast the node refuses for good, with the node's words, and pays it at its nonce on retry", async () => {
    const to = recipients(1, 905);
    const id = await approvedPayout(deps.db, batchOf(to));
    settlement.checkpoint = (p: string) => {
      if (p === "after-save-signed") throw new InjectedCrash(p);
    };
    await expect(settlePayouts(deps)).rejects.toThrow(InjectedCrash);
    settlement.checkpoint = () => {};
    const signed = await intentOf(id);
    // The treasury can no longer pay for gas: the signed transaction is refused whenever it is sent.
    const gas = await rpc.getBalance(signed.treasury);
    await rpc.send("anvil_setBalance", [signed.treasury, "0x0"]);
    try {
      const report = await settlePayouts(deps);
      expect(report.failed).toEqual([
        {
          intentId: signed.id,
          proposalId: id,
          failure: {
            kind: "chain_refused",
            refusal: { kind: "node_refused", message: expect.stringMatching(/insufficient funds/i) },
          },
        },
      ]);
      expect(await intentOf(id)).toMatchObject({ status: "failed", nonce: null, txHash: signed.txHash });
    } finally {
      await rpc.send("anvil_setBalance", [signed.treasury, `0x${gas.toString(16)}`]);
    }
    await retryPayout(deps, moderator, id);
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    // The nonce it gave back was still unused: it is the one that paid.
    expect((await intentOf(id)).nonce).toBe(signed.nonce);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
  }, 60_000);

  it("never asks more gas than a block allows: a chunk whose 1.2 × estimate passes the block gas limit is paid", async () => {
    const to = recipients(2, 906);
    const lines = batchOf(to).map((l) => ({ recipient: l.recipient, amount: l.amount }));
    const measured = await settlement.chain.lineGas(lines);
    if (!measured) throw new Error("no estimate");
    const estimate = measured.base + 2n * measured.perLine;
    const limit = await rpc.send("eth_getBlockByNumber", ["latest", false]).then((b) => b.gasLimit as string);
    // Between the estimate and 1.2 × it: a gas limit of 1.2 × the estimate would be refused by every node.
    await rpc.send("anvil_setBlockGasLimit", [`0x${((estimate * 11n) / 10n).toString(16)}`]);
    await rpc.send("anvil_mine", ["0x1"]);
    try {
      const id = await approvedPayout(deps.db, batchOf(to));
      const report = await settlePayouts(deps);
      expect(report.failed).toEqual([]);
      expect(report.settled).toEqual([id]);
      expect(await balances(to)).toEqual([BigInt(tokens("2")), BigInt(tokens("2"))]);
    } finally {
      await rpc.send("anvil_setBlockGasLimit", [limit]);
      await rpc.send("anvil_mine", ["0x1"]);
    }
  }, 60_000);

  it("sizes each chunk to the gas one transaction may use: 85 % of the cap, 25 % over the measured cost per line", async () => {
    const to = recipients(7, 951);
    const measured = await settlement.chain.lineGas(batchOf(to));
    if (!measured) throw new Error("no estimate");
    // A cap at which 3.5 lines fit with both margins: 3 per chunk. Without the 85 % (or the 25 %) 4 would fit; a
    // chunk of the configured 10 would need more gas than the block allows, and so does the measure's own probe of
    // 7 lines (it then measures with 2).
    const cap = ((measured.base + (35n * measured.perLine * 125n) / 1000n) * 100n) / 85n;
    const limit = await rpc.send("eth_getBlockByNumber", ["latest", false]).then((b) => b.gasLimit as string);
    await rpc.send("anvil_setBlockGasLimit", [`0x${cap.toString(16)}`]);
    await rpc.send("anvil_mine", ["0x1"]);
    const lineCounts = async (id: number) =>
      (await deps.db.payoutIntent.findMany({ where: { proposalId: id }, orderBy: { chunkIndex: "asc" } })).map(
        (i) => (i.entries as unknown[]).length,
      );
    try {
      settlement.chunkSize = 10;
      const id = await approvedPayout(deps.db, batchOf(to));
      expect((await settlePayouts(deps)).settled).toEqual([id]);
      expect(await lineCounts(id)).toEqual([3, 3, 1]);
      expect(await balances(to)).toEqual(to.map(() => BigInt(tokens("2"))));
      // Fewer lines configured than would fit: the configured size.
      settlement.chunkSize = 2;
      const fewer = recipients(5, 952);
      const second = await approvedPayout(deps.db, batchOf(fewer));
      expect((await settlePayouts(deps)).settled).toEqual([second]);
      expect(await lineCounts(second)).toEqual([2, 2, 1]);
    } finally {
      await rpc.send("anvil_setBlockGasLimit", [limit]);
      await rpc.send("anvil_mine", ["0x1"]);
    }
  }, 90_000);

  it("records a proposal whose planning fails, tells moderators once without the RPC's key, and pays the others", async () => {
    const troubled = recipients(2, 953);
    const fine = recipients(2, 954);
    const stuckId = await approvedPayout(deps.db, batchOf(troubled));
    const paidId = await approvedPayout(deps.db, batchOf(fine));
    const lineGas = settlement.chain.lineGas.bind(settlement.chain);
    settlement.chain.lineGas = async (lines) => {
      if (lines.some((l) => l.recipient === troubled[0])) {
        throw new Error(
          `could not reach https://rpc.example.org/v2/SECRETKEY (timeout) ${"x".repeat(400)}\n    at estimate (chain.ts:1)`,
        );
      }
      return lineGas(lines);
    };
    // The first line, its URL cut to the origin, at most 300 characters.
    const reason = `could not reach https://rpc.example.org (timeout) ${"x".repeat(400)}`.slice(0, 300);
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([paidId]);
    expect(report.stuck).toEqual([{ proposalId: stuckId, reason }]);
    expect(await queuedNotes(deps.db)).toHaveLength(1);
    expect(await balances(fine)).toEqual([BigInt(tokens("2")), BigInt(tokens("2"))]);
    const stuck = await deps.db.proposal.findUniqueOrThrow({ where: { id: stuckId } });
    expect(stuck).toMatchObject({ status: "approved", settlementError: reason });
    expect(await deps.db.payoutIntent.count({ where: { proposalId: stuckId } })).toBe(0);
    // Told once, however many runs it stays stuck.
    expect((await settlePayouts(deps)).stuck).toEqual([{ proposalId: stuckId, reason }]);
    expect(await queuedNotes(deps.db)).toEqual([
      { channel: "payouts", fact: { kind: "proposal_not_planned", proposalId: stuckId, reason } },
    ]);
    settlement.chain.lineGas = lineGas;
    expect((await settlePayouts(deps)).settled).toEqual([stuckId]);
    expect(await deps.db.proposal.findUniqueOrThrow({ where: { id: stuckId } })).toMatchObject({
      status: "settled",
      settlementError: null,
    });
  }, 60_000);

  it("sizes a Safe file's chunks to the gas one transaction may use too", async () => {
    settlement.mode = "safe-export";
    settlement.chunkSize = 10;
    const to = recipients(5, 956);
    const measured = await settlement.chain.lineGas(batchOf(to));
    if (!measured) throw new Error("no estimate");
    const cap = ((measured.base + (25n * measured.perLine * 125n) / 1000n) * 100n) / 85n;
    const limit = await rpc.send("eth_getBlockByNumber", ["latest", false]).then((b) => b.gasLimit as string);
    await rpc.send("anvil_setBlockGasLimit", [`0x${cap.toString(16)}`]);
    await rpc.send("anvil_mine", ["0x1"]);
    try {
      const id = await approvedPayout(deps.db, batchOf(to));
      await settlePayouts(deps);
      const intents = await deps.db.payoutIntent.findMany({
        where: { proposalId: id },
        orderBy: { chunkIndex: "asc" },
      });
      expect(intents.map((i) => [i.status, (i.entries as unknown[]).length])).toEqual([
        ["awaiting_execution", 2],
        ["awaiting_execution", 2],
        ["awaiting_execution", 1],
      ]);
    } finally {
      await rpc.send("anvil_setBlockGasLimit", [limit]);
      await rpc.send("anvil_mine", ["0x1"]);
    }
  }, 60_000);

  it("a crash while planning ends the run as a crash would: nothing recorded, the proposal still approved", async () => {
    const to = recipients(2, 955);
    const id = await approvedPayout(deps.db, batchOf(to));
    const lineGas = settlement.chain.lineGas.bind(settlement.chain);
    settlement.chain.lineGas = async () => {
      throw new InjectedCrash("killed while estimating");
    };
    await expect(settlePayouts(deps)).rejects.toBeInstanceOf(InjectedCrash);
    expect(await deps.db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "approved",
      settlementError: null,
    });
    settlement.chain.lineGas = lineGas;
    expect((await settlePayouts(deps)).settled).toEqual([id]);
  }, 60_000);

  it("replaces a transaction not mined for FEE_BUMP_AFTER blocks with higher fees, keeps both, and adopts the one mined", async () => {
    settlement.feeBumpAfterBlocks = 2;
    settlement.receiptWaitMs = 200;
    const to = recipients(1, 907);
    const id = await approvedPayout(deps.db, batchOf(to));
    await rpc.send("evm_setAutomine", [false]);
    try {
      const first = await settlePayouts(deps);
      expect(first.pending).toEqual([
        { intentId: expect.any(Number), wait: { kind: "not_mined", txHash: expect.stringMatching(/^0x/) } },
      ]);
      const sent = await intentOf(id);
      // A fee spike: the base fee jumps above what the transaction offers, so blocks come and go without it.
      await rpc.send("anvil_setNextBlockBaseFeePerGas", [`0x${(10n ** 12n).toString(16)}`]);
      await rpc.send("anvil_mine", ["0x3"]);
      expect(await rpc.getTransactionReceipt(sent.txHash as string)).toBeNull();
      await settlePayouts(deps);
      const bumped = await intentOf(id);
      expect(bumped.txHash).not.toBe(sent.txHash);
      expect(bumped.nonce).toBe(sent.nonce);
      expect((bumped.sentTxs as { hash: string }[]).map((t) => t.hash)).toEqual([sent.txHash, bumped.txHash]);
      await rpc.send("anvil_mine", ["0x1"]);
    } finally {
      await rpc.send("evm_setAutomine", [true]);
    }
    settlement.receiptWaitMs = 3_000;
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
    const actions = await deps.db.auditEvent.findMany({ where: { subjectType: "payout" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toContain("payout.fee_bumped");
  }, 60_000);

  it("waits, keeping the sent transaction, when its fee bump would pass MAX_FEE_GWEI, and adopts it once mined", async () => {
    settlement.feeBumpAfterBlocks = 2;
    settlement.receiptWaitMs = 200;
    const to = recipients(1, 958);
    const id = await approvedPayout(deps.db, batchOf(to));
    await rpc.send("evm_setAutomine", [false]);
    try {
      await settlePayouts(deps);
      const sent = await intentOf(id);
      // The cap is what the sent transaction offers: a bump (12.5 % more) would pass it.
      const offered = Transaction.from(sent.rawTx as string).maxFeePerGas as bigint;
      settlement.chain.destroy();
      settlement.chain = localSettlementChain(chain, deployed, { maxFeePerGas: offered });
      // A fee spike above what it offers: blocks come and go without it.
      await rpc.send("anvil_setNextBlockBaseFeePerGas", [`0x${(offered * 2n).toString(16)}`]);
      await rpc.send("anvil_mine", ["0x3"]);
      const report = await settlePayouts(deps);
      expect(report.pending).toEqual([
        {
          intentId: sent.id,
          wait: {
            kind: "fee_bump_refused",
            txHash: sent.txHash,
            refusal: { kind: "fee_cap", asks: expect.any(String), cap: offered.toString() },
          },
        },
      ]);
      const waiting = await intentOf(id);
      expect(waiting).toMatchObject({ status: "broadcast", txHash: sent.txHash, nonce: sent.nonce });
      expect((waiting.sentTxs as { hash: string }[]).map((t) => t.hash)).toEqual([sent.txHash]);
      // The node dropped it while fees were above its offer; the spike passes, it is sent again, mined, adopted.
      await rpc.send("anvil_setNextBlockBaseFeePerGas", ["0x1"]);
      await rpc.send("anvil_mine", ["0x1"]);
      expect((await settlePayouts(deps)).pending).toEqual([expect.objectContaining({ intentId: sent.id })]);
      await rpc.send("anvil_mine", ["0x1"]);
    } finally {
      await rpc.send("evm_setAutomine", [true]);
    }
    settlement.receiptWaitMs = 3_000;
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
  }, 60_000);

  it("signs again at the first free nonce when a transaction below it was dropped (a nonce gap), and pays once", async () => {
    settlement.receiptWaitMs = 200;
    const to = recipients(1, 908);
    const id = await approvedPayout(deps.db, batchOf(to));
    await rpc.send("evm_setAutomine", [false]);
    let gapHash = "";
    try {
      // Another transaction of the treasury (an anchor) takes the next nonce, then the node drops it.
      const other = await treasury().sendTransaction({ to: treasury().address, value: 0n });
      gapHash = other.hash;
      await settlePayouts(deps);
      const signed = await intentOf(id);
      expect(signed.nonce).toBe(other.nonce + 1);
      await rpc.send("anvil_dropTransaction", [gapHash]);
      await rpc.send("anvil_mine", ["0x1"]);
      expect(await rpc.getTransactionReceipt(signed.txHash as string)).toBeNull();
      await settlePayouts(deps);
      expect((await intentOf(id)).nonce).toBe(other.nonce);
    } finally {
      await rpc.send("evm_setAutomine", [true]);
    }
    settlement.receiptWaitMs = 3_000;
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
    const actions = await deps.db.auditEvent.findMany({ where: { subjectType: "payout" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toContain("payout.resigned");
  }, 60_000);

  it("settles two chunks a Safe executed in one transaction", async () => {
    settlement.mode = "safe-export";
    settlement.chunkSize = 1;
    const to = recipients(2, 909);
    const id = await approvedPayout(deps.db, batchOf(to));
    await settlePayouts(deps);
    const intents = await deps.db.payoutIntent.findMany({ where: { proposalId: id }, orderBy: { chunkIndex: "asc" } });
    expect(intents.map((i) => i.status)).toEqual(["awaiting_execution", "awaiting_execution"]);
    // The Safe's "add to batch": both files' settle calls in one transaction, as the operator.
    const a = loadArtifact("BatchCaller");
    const caller = (await new ContractFactory(a.abi as never, a.bytecode, treasury()).deploy()) as Contract;
    await caller.waitForDeployment();
    const distributor = new Contract(deployed.distributor, loadArtifact("StewardDistributor").abi as never, treasury());
    await (await distributor.getFunction("setOperator")(await caller.getAddress())).wait();
    try {
      const calls = intents.flatMap(
        (i) => (i.safeBatch as { transactions: { to: string; data: string }[] }).transactions,
      );
      const settles = calls.filter((c) => c.to === deployed.distributor);
      const tx = await caller.getFunction("run")(
        settles.map((c) => c.to),
        settles.map((c) => c.data),
      );
      await tx.wait();
      const report = await settlePayouts(deps);
      expect(report.stuck).toEqual([]);
      expect(report.settled).toEqual([id]);
      const done = await deps.db.payoutIntent.findMany({ where: { proposalId: id } });
      expect(done.map((i) => [i.status, i.txHash])).toEqual([
        ["confirmed", tx.hash],
        ["confirmed", tx.hash],
      ]);
      expect(await balances(to)).toEqual([BigInt(tokens("2")), BigInt(tokens("2"))]);
    } finally {
      // The owner (the treasury's account here) gives the operator role back for the other tests.
      await (await distributor.getFunction("setOperator")(treasury().address)).wait();
    }
  }, 60_000);
  it("fails a chunk that would pay the distributor or the token itself, naming the line, and pays nothing of it", async () => {
    const to = recipients(1, 957);
    const toToken = await approvedPayout(deps.db, [
      ...batchOf(to),
      { recipient: deployed.token.toLowerCase(), amount: tokens("1"), refs: ["contribution:2"] },
    ]);
    const toDistributor = await approvedPayout(deps.db, [
      { recipient: deployed.distributor.toUpperCase().replace(/^0X/, "0x"), amount: tokens("1"), refs: ["node:1"] },
    ]);
    const report = await settlePayouts(deps);
    const failures = new Map(report.failed.map((f) => [f.proposalId, f.failure]));
    // Lines are numbered as the voted batch orders them (canonical: by recipient).
    const stored = (await deps.db.proposal.findUniqueOrThrow({ where: { id: toToken } })).batch as {
      recipient: string;
    }[];
    const tokenLine = stored.findIndex((l) => l.recipient === deployed.token.toLowerCase()) + 1;
    expect(tokenLine).toBeGreaterThan(0);
    expect(failures.get(toToken)).toEqual({
      kind: "pays_contract",
      line: tokenLine,
      recipient: deployed.token.toLowerCase(),
    });
    expect(failures.get(toDistributor)).toEqual({
      kind: "pays_contract",
      line: 1,
      recipient: deployed.distributor.toUpperCase().replace(/^0X/, "0x"),
    });
    expect(await balances(to)).toEqual([0n]);
  }, 60_000);

  it("checks the funds of the distributor's treasury, not of the operator that signs", async () => {
    // The DAO's treasury (another account) holds the tokens and approves the distributor; Steward's key only operates.
    const dao = new Wallet("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", rpc);
    const a = loadArtifact("StewardDistributor");
    const operated = (await new ContractFactory(a.abi as never, a.bytecode, treasury()).deploy(
      treasury().address,
      treasury().address,
      dao.address,
    )) as Contract;
    await operated.waitForDeployment();
    const address = await operated.getAddress();
    const token = new Contract(deployed.token, loadArtifact("RewardToken").abi as never, treasury());
    await (await token.getFunction("transfer")(dao.address, BigInt(tokens("10")))).wait();
    await (await (token.connect(dao) as Contract).getFunction("approve")(address, BigInt(tokens("10")))).wait();
    settlement.chain.destroy();
    settlement.chain = localSettlementChain(chain, { ...deployed, distributor: address });
    const to = recipients(1, 910);
    const id = await approvedPayout(deps.db, batchOf(to));
    const before = await settlement.chain.tokenBalance(dao.address);
    expect(await settlement.chain.funds()).toEqual({ balance: before, allowance: BigInt(tokens("10")) });
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    expect(await settlement.chain.tokenBalance(dao.address)).toBe(before - BigInt(tokens("2")));
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
  }, 60_000);
  it("stops settling, and says how to resume, when the settings name another token or distributor than open chunks", async () => {
    const to = recipients(1, 911);
    const id = await approvedPayout(deps.db, batchOf(to));
    settlement.checkpoint = (p: string) => {
      if (p === "after-save-signed") throw new InjectedCrash(p);
    };
    await expect(settlePayouts(deps)).rejects.toThrow(InjectedCrash);
    settlement.checkpoint = () => {};
    // The operator points Steward at another token while the chunk is signed but not sent.
    const original = settlement.chain;
    settlement.chain = localSettlementChain(chain, { ...deployed, token: deployed.anchor });
    try {
      const report = await settlePayouts(deps);
      expect(report.skipped?.kind).toBe("planned_elsewhere");
      const stopped = report.skipped?.kind === "planned_elsewhere" ? report.skipped.stopped : undefined;
      expect(stopped).toEqual({
        kind: "planned_elsewhere",
        now: { chainId: 31337, token: deployed.anchor, distributor: deployed.distributor },
        count: 1,
        chunks: [
          { proposalId: id, chunkIndex: 0, chainId: 31337, token: deployed.token, distributor: deployed.distributor },
        ],
      });
      // What the settle job's summary and the note to moderators say.
      expect(report.skipped && settleSkipText(report.skipped)).toMatch(
        new RegExp(
          `^settlement is stopped: 1 unfinished payout chunk\\(s\\) were planned for another chain, token or distributor than the settings now name \\(CHAIN_ID=31337, TOKEN_ADDRESS=${deployed.anchor}, DISTRIBUTOR_ADDRESS=${deployed.distributor}\\): proposal #${id} chunk 1 \\(CHAIN_ID=31337, TOKEN_ADDRESS=${deployed.token}, DISTRIBUTOR_ADDRESS=${deployed.distributor}\\)\\. .*put those settings back until they are paid$`,
        ),
      );
      await settlePayouts(deps);
      expect((await queuedNotes(deps.db)).filter((n) => "fact" in n && n.fact.kind === "settlement_stopped")).toEqual([
        { channel: "payouts", fact: { kind: "settlement_stopped", stopped } },
      ]);
      expect(await original.tokenBalance(to[0] as string)).toBe(0n);
    } finally {
      settlement.chain.destroy();
      settlement.chain = original;
    }
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
  }, 60_000);
});
