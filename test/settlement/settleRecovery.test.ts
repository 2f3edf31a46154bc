import { AbiCoder, Contract, keccak256, parseUnits, toBeHex, Wallet, zeroPadValue } from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { payoutFailureText } from "../../src/base/payoutFailureText.ts";
import { type createSettlementChain, settlementProvider } from "../../src/chain/createSettlementChain.ts";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import type { BatchEntry } from "../../src/services/epochs/batchHash.ts";
import { chunkBatch, packPayouts } from "../../src/services/settlement/chunkBatch.ts";
import { InjectedCrash, type SettlementDeps } from "../../src/services/settlement/settlementDeps.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement, localSettlementChain } from "../helpers/localSettlement.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// What real chains do to a payout in flight, staged on Anvil with its own RPC methods: a dropped transaction, a
// nonce taken by another transaction, a block that disappears, a transaction that reverts once mined, a chunk the
// operator paid by hand, a batch the contract refuses. Each time: paid exactly once, or failed with the reason.
let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: SettlementDeps & { chain: ReturnType<typeof createSettlementChain> };
let rpc: ReturnType<typeof settlementProvider>;

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
  to.map((recipient, i) => ({ recipient, amount: tokens(amount), refs: [`contribution:${i + 1}`] }));
const balances = (to: string[]) => Promise.all(to.map((a) => settlement.chain.tokenBalance(a)));
const intentOf = async (proposalId: number) => deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId } });

/** Runs settle until it "crashes" (throws) at a step, as the process would die there. */
async function crashAt(point: string) {
  settlement.checkpoint = (p: string) => {
    if (p === point) throw new InjectedCrash(`crash at ${p}`);
  };
  await expect(settlePayouts(deps)).rejects.toThrow(`crash at ${point}`);
  settlement.checkpoint = () => {};
}

/** The operator pays a proposal's (single) chunk from the treasury with a wallet, outside Steward. */
async function payByHand(proposalId: number, nonce?: number) {
  const proposal = await deps.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const identity = { chainId: settlement.chain.chainId, distributor: deployed.distributor, proposalId };
  const [chunk] = chunkBatch(identity, proposal.batchHash as string, proposal.batch as unknown as BatchEntry[], 10);
  const distributor = new Contract(
    deployed.distributor,
    loadArtifact("StewardDistributor").abi as never,
    new Wallet(chain.deployerKey, rpc),
  );
  const sent = await distributor.getFunction("settle")(
    chunk?.batchId,
    deployed.token,
    packPayouts(chunk?.entries ?? []),
    chunk?.total,
    nonce === undefined ? {} : { nonce },
  );
  return sent.wait();
}

// The treasury's token balance lives in the RewardToken's `_balances` mapping (OpenZeppelin ERC20, slot 0).
const balanceSlot = (holder: string) =>
  keccak256(AbiCoder.defaultAbiCoder().encode(["address", "uint256"], [holder, 0]));
async function setTreasuryBalance(units: bigint) {
  await rpc.send("anvil_setStorageAt", [
    deployed.token,
    balanceSlot(settlement.chain.treasury),
    zeroPadValue(toBeHex(units), 32),
  ]);
}

describe("settlement when the chain misbehaves", () => {
  it("sends the same signed transaction again when the chain dropped it, and pays once", async () => {
    const to = recipients(2, 301);
    const id = await approvedPayout(deps.db, batchOf(to));
    await rpc.send("evm_setAutomine", [false]);
    try {
      await crashAt("after-save-broadcast");
      const { txHash } = await intentOf(id);
      await rpc.send("anvil_dropTransaction", [txHash]);
    } finally {
      await rpc.send("evm_setAutomine", [true]);
    }
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("2")), BigInt(tokens("2"))]);
    const intent = await intentOf(id);
    expect(intent.status).toBe("confirmed");
    expect((await rpc.getTransactionReceipt(intent.txHash as string))?.status).toBe(1);
  }, 60_000);

  it("fails a chunk whose nonce another treasury transaction took, and pays it once on retry", async () => {
    const to = recipients(1, 302);
    const id = await approvedPayout(deps.db, batchOf(to));
    await crashAt("after-save-signed");
    const { nonce } = await intentOf(id);
    // The operator's wallet sends something else with that nonce before Steward comes back.
    const treasury = new Wallet(chain.deployerKey, rpc);
    await (await treasury.sendTransaction({ to: treasury.address, value: 0n, nonce: nonce as number })).wait();
    const report = await settlePayouts(deps);
    expect(report.failed).toEqual([
      {
        intentId: expect.any(Number),
        proposalId: id,
        failure: { kind: "nonce_taken", nonce },
      },
    ]);
    expect(await balances(to)).toEqual([0n]);
    const { retryPayout } = await import("../../src/services/settlement/retryPayout.ts");
    await retryPayout(deps, { guildId: "100000000000000001", discordId: "900000000000000009", username: "mod" }, id);
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
  }, 60_000);

  it("sends the transaction again when its block disappeared (a restarted chain, a reorg), and pays once", async () => {
    const to = recipients(2, 303);
    const id = await approvedPayout(deps.db, batchOf(to, "3"));
    const snapshot = await rpc.send("evm_snapshot", []);
    await crashAt("after-save-mined");
    expect(await balances(to)).toEqual([BigInt(tokens("3")), BigInt(tokens("3"))]);
    // The block with the payment is gone.
    await rpc.send("evm_revert", [snapshot]);
    expect(await balances(to)).toEqual([0n, 0n]);
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([id]);
    expect(await balances(to)).toEqual([BigInt(tokens("3")), BigInt(tokens("3"))]);
    const actions = await deps.db.auditEvent.findMany({ where: { subjectType: "payout" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toContain("payout.unmined");
  }, 60_000);

  it("fails a chunk whose transaction reverted once mined, with the block, and pays nothing", async () => {
    const to = recipients(1, 304);
    const id = await approvedPayout(deps.db, batchOf(to));
    await crashAt("after-save-signed");
    const before = await settlement.chain.tokenBalance(settlement.chain.treasury);
    await setTreasuryBalance(0n);
    try {
      const report = await settlePayouts(deps);
      const { txHash, blockNumber } = await intentOf(id);
      expect(report.failed).toEqual([
        {
          intentId: expect.any(Number),
          proposalId: id,
          failure: { kind: "reverted", txHash, blockNumber: expect.any(Number) },
        },
      ]);
      expect(blockNumber).toBeNull();
    } finally {
      await setTreasuryBalance(before);
    }
    expect(await balances(to)).toEqual([0n]);
  }, 60_000);

  it("fails a chunk the treasury cannot fund before signing anything", async () => {
    const to = recipients(1, 305);
    const id = await approvedPayout(deps.db, batchOf(to, "5"));
    const before = await settlement.chain.tokenBalance(settlement.chain.treasury);
    await setTreasuryBalance(1n);
    try {
      const report = await settlePayouts(deps);
      expect(report.failed[0]?.failure).toEqual({
        kind: "treasury_short",
        treasury: settlement.chain.treasury,
        balance: "1",
        needed: tokens("5"),
      });
      expect((await intentOf(id)).txHash).toBeNull();
    } finally {
      await setTreasuryBalance(before);
    }
  }, 60_000);

  it("adopts a chunk the operator paid by hand instead of paying it again", async () => {
    const to = recipients(2, 306);
    const batch = batchOf(to);
    const id = await approvedPayout(deps.db, batch);
    const manual = await payByHand(id);
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([id]);
    const intent = await intentOf(id);
    expect(intent.txHash).toBe(manual.hash);
    expect(intent.rawTx).toBeNull();
    expect(await balances(to)).toEqual([BigInt(tokens("2")), BigInt(tokens("2"))]);
  }, 60_000);

  it("fails a chunk with a line the distributor cannot take, saying which, instead of stopping every run", async () => {
    const to = recipients(2, 307);
    const id = await approvedPayout(deps.db, [
      { recipient: to[0] as string, amount: tokens("1"), refs: ["contribution:1"] },
      { recipient: to[1] as string, amount: "0", refs: ["contribution:2"] },
    ]);
    const report = await settlePayouts(deps);
    expect(report.failed).toEqual([
      {
        intentId: expect.any(Number),
        proposalId: id,
        failure: { kind: "amount_unpackable", amount: "0" },
      },
    ]);
    expect(await balances(to)).toEqual([0n, 0n]);
  }, 60_000);

  it("waits for confirmations without claiming them, then confirms", async () => {
    settlement.confirmations = 3;
    settlement.receiptWaitMs = 300;
    const to = recipients(1, 308);
    const id = await approvedPayout(deps.db, batchOf(to));
    const first = await settlePayouts(deps);
    expect(first.pending).toEqual([
      { intentId: expect.any(Number), wait: { kind: "confirming", confirmations: 1, needed: 3 } },
    ]);
    expect((await intentOf(id)).status).toBe("mined");
    await rpc.send("anvil_mine", [2]);
    const second = await settlePayouts(deps);
    expect(second.settled).toEqual([id]);
  }, 60_000);

  it("fails a chunk the distributor refuses at the preflight, with its decoded custom error", async () => {
    const to = recipients(1, 309);
    const id = await approvedPayout(deps.db, batchOf(to));
    const owner = new Wallet(chain.deployerKey, rpc);
    const distributor = new Contract(deployed.distributor, loadArtifact("StewardDistributor").abi as never, owner);
    const stranger = Wallet.createRandom().address;
    await (await distributor.getFunction("setOperator")(stranger)).wait();
    try {
      const report = await settlePayouts(deps);
      expect(report.failed).toEqual([
        {
          intentId: expect.any(Number),
          proposalId: id,
          failure: {
            kind: "chain_refused",
            refusal: { kind: "contract_error", name: "NotOperator", args: [settlement.chain.treasury] },
          },
        },
      ]);
      expect((await intentOf(id)).txHash).toBeNull();
    } finally {
      await (await distributor.getFunction("setOperator")(owner.address)).wait();
    }
  }, 60_000);

  it("does not sign above MAX_FEE_GWEI, and says what the network asks", async () => {
    settlement.chain.destroy();
    settlement.chain = localSettlementChain(chain, deployed, { maxFeePerGas: 1n });
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 310)));
    const report = await settlePayouts(deps);
    expect(report.failed[0]?.proposalId).toBe(id);
    expect(report.failed[0]?.failure).toEqual({
      kind: "chain_refused",
      refusal: { kind: "fee_cap", asks: expect.stringMatching(/^\d+$/), cap: "1" },
    });
    // The words moderators read: what the network asks, against the cap.
    expect(payoutFailureText(report.failed[0]?.failure ?? "")).toMatch(
      /^the network asks \d+ wei per gas, above MAX_FEE_GWEI \(1 wei\)$/,
    );
  }, 60_000);

  it("exports for a Safe that already approved enough: the settle call alone, checked first", async () => {
    settlement.mode = "safe-export";
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 311)));
    const report = await settlePayouts(deps);
    expect(report.pending).toEqual([{ intentId: expect.any(Number), wait: { kind: "safe_execution", chunkIndex: 0 } }]);
    const intent = await intentOf(id);
    expect(intent.status).toBe("awaiting_execution");
    const batch = intent.safeBatch as { transactions: { to: string }[]; meta: { name: string; description: string } };
    expect(batch.transactions.map((t) => t.to)).toEqual([deployed.distributor]);
    expect(batch.meta.name).toBe(`Steward payout of proposal #${id}, chunk 1 of 1`);
    const [line] = (intent.entries as { recipient: string }[]) ?? [];
    expect(batch.meta.description).toBe(
      `Pays 1 recipient(s) 2 STEW (${tokens("2")} smallest units of ${deployed.token}) through the distributor ${deployed.distributor} (batch ${intent.batchId}): ${line?.recipient} 2 STEW.`,
    );
    const exported = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "payout.exported" } });
    expect(exported.payload).toEqual({
      proposalId: id,
      chunk: 0,
      batchId: intent.batchId,
      safe: settlement.chain.treasury,
      calls: 1,
    });
  }, 60_000);

  it("audits every step of a chunk with what it did, in order", async () => {
    settlement.confirmations = 2;
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 312)));
    settlement.receiptWaitMs = 300;
    await settlePayouts(deps); // mined, 1 of 2 confirmations
    await rpc.send("anvil_mine", [1]);
    await settlePayouts(deps);
    const intent = await intentOf(id);
    const events = await deps.db.auditEvent.findMany({
      where: { subjectType: "payout" },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, subjectId: true, payload: true },
    });
    const base = { proposalId: id, chunk: 0, batchId: intent.batchId };
    expect(events).toEqual([
      {
        action: "payout.signed",
        actorId: "system:settle",
        subjectId: String(intent.id),
        payload: { ...base, txHash: intent.txHash, nonce: intent.nonce },
      },
      {
        action: "payout.broadcast",
        actorId: "system:settle",
        subjectId: String(intent.id),
        payload: { ...base, txHash: intent.txHash },
      },
      {
        action: "payout.mined",
        actorId: "system:settle",
        subjectId: String(intent.id),
        payload: { ...base, txHash: intent.txHash, blockNumber: intent.blockNumber, gasUsed: intent.gasUsed },
      },
      {
        action: "payout.confirmed",
        actorId: "system:settle",
        subjectId: String(intent.id),
        payload: { ...base, txHash: intent.txHash, blockNumber: intent.blockNumber, confirmations: 2 },
      },
    ]);
    // The nonce is the treasury's next one: never one an unfinished intent already signed.
    expect(intent.nonce).toBe((await rpc.getTransactionCount(settlement.chain.treasury, "latest")) - 1);
  }, 60_000);

  it("says a transaction is not mined yet when the chain holds it longer than the wait", async () => {
    settlement.receiptWaitMs = 300;
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 313)));
    await rpc.send("evm_setAutomine", [false]);
    try {
      const report = await settlePayouts(deps);
      const { txHash } = await intentOf(id);
      expect(report.pending).toEqual([{ intentId: expect.any(Number), wait: { kind: "not_mined", txHash } }]);
    } finally {
      await rpc.send("evm_setAutomine", [true]);
    }
    await rpc.send("anvil_mine", [1]);
    expect((await settlePayouts(deps)).settled).toEqual([id]);
  }, 60_000);

  it("fails, saying so, a chunk whose adopted payment vanished from the chain", async () => {
    const to = recipients(1, 314);
    const id = await approvedPayout(deps.db, batchOf(to));
    const snapshot = await rpc.send("evm_snapshot", []);
    const manual = await payByHand(id);
    await crashAt("before-save-confirmed");
    expect((await intentOf(id)).txHash).toBe(manual.hash);
    await rpc.send("evm_revert", [snapshot]);
    const report = await settlePayouts(deps);
    expect(report.failed).toEqual([
      {
        intentId: expect.any(Number),
        proposalId: id,
        failure: { kind: "tx_gone", txHash: manual.hash },
      },
    ]);
    const found = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "payout.found_settled" } });
    expect(found.payload).toMatchObject({ proposalId: id, txHash: manual.hash });
  }, 60_000);

  it("confirms a payout only once the chain has had time to save its block (a local chain's state file)", async () => {
    settlement.savedBlock = () => 0;
    settlement.receiptWaitMs = 300;
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 315)));
    const first = await settlePayouts(deps);
    const { blockNumber } = await intentOf(id);
    expect(first.pending).toEqual([
      {
        intentId: expect.any(Number),
        wait: { kind: "not_saved", blockNumber },
      },
    ]);
    expect((await intentOf(id)).status).toBe("mined");
    settlement.savedBlock = () => Number.MAX_SAFE_INTEGER;
    expect((await settlePayouts(deps)).settled).toEqual([id]);
  }, 60_000);

  it("adopts the operator's manual payment that took the nonce of Steward's signed transaction", async () => {
    const to = recipients(1, 316);
    const id = await approvedPayout(deps.db, batchOf(to));
    await crashAt("after-save-signed");
    const { nonce } = await intentOf(id);
    const manual = await payByHand(id, nonce as number);
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([id]);
    expect((await intentOf(id)).txHash).toBe(manual.hash);
    expect(await balances(to)).toEqual([BigInt(tokens("2"))]);
  }, 60_000);

  it("asks a Safe to approve exactly when its allowance is short, even by one unit", async () => {
    settlement.mode = "safe-export";
    const total = BigInt(tokens("2"));
    const setAllowance = async (units: bigint) => {
      const token = new Contract(
        deployed.token,
        ["function approve(address,uint256) returns (bool)"],
        new Wallet(chain.deployerKey, rpc),
      );
      await (await token.getFunction("approve")(deployed.distributor, units)).wait();
    };
    try {
      await setAllowance(total);
      const exact = await approvedPayout(deps.db, batchOf(recipients(1, 317)));
      await settlePayouts(deps);
      expect(((await intentOf(exact)).safeBatch as { transactions: unknown[] }).transactions).toHaveLength(1);
      // Short by one unit of what both waiting files need (the first file is not executed yet, and the Safe may
      // execute both together): the allowance is set to zero first (USDT refuses to change a non-zero one), then to
      // what both chunks take, then settle; each call with its method and arguments for signers.
      await setAllowance(2n * total - 1n);
      const short = await approvedPayout(deps.db, batchOf(recipients(1, 318)));
      await settlePayouts(deps);
      const calls = (
        (await intentOf(short)).safeBatch as {
          transactions: {
            to: string;
            contractMethod: { name: string };
            contractInputsValues: Record<string, string>;
          }[];
        }
      ).transactions;
      expect(calls.map((c) => [c.to, c.contractMethod.name, c.contractInputsValues.amount])).toEqual([
        [deployed.token, "approve", "0"],
        [deployed.token, "approve", String(2n * total)],
        [deployed.distributor, "settle", undefined],
      ]);
    } finally {
      await setAllowance(2n ** 255n);
    }
  }, 60_000);
});
