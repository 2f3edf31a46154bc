import {
  AbiCoder,
  type BaseWallet,
  type Contract,
  ContractFactory,
  getAddress,
  JsonRpcProvider,
  keccak256,
  MaxUint256,
  type TransactionReceipt,
  TypedDataEncoder,
  toUtf8Bytes,
  Wallet,
  ZeroAddress,
} from "ethers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLAIM_TYPES,
  type ClaimMessage,
  claimDigest,
  claimDomain,
  DISTRIBUTOR_V2_ERRORS,
  decodeDistributorV2Error,
  decodeLineHeld,
  decodeSettled,
  distributorV2Interface,
  encodeClaim,
  encodeRedirect,
  encodeReturnHeld,
  encodeSettle,
  LINE_GAS,
  type LineHeldEvent,
  lineIdOf,
  linesHashOf,
  packPayout,
  type SettledEvent,
  unpackPayout,
} from "../../src/chain/distributorV2.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";

// Anvil's default accounts 1-3: local test keys only (account 0, the treasury, is chain.deployerKey).
const OWNER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const OPERATOR_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
const STRANGER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
const CLAIM_PERIOD = 7n * 24n * 3600n;
const SUPPLY = 10n ** 30n;

// TrickyToken's modes (contracts/test/TrickyToken.sol): what its transfer does for a recipient.
const MODE = {
  NORMAL: 0,
  REVERT: 1,
  RETURN_FALSE: 2,
  BURN_GAS: 3,
  REVERT_BOMB: 4,
  SUCCESS_BOMB: 5,
  RETURN_NOTHING: 6,
  RETURN_TWO: 7,
  FORGE_EVENTS: 8,
  PAY_AND_RETURN_FALSE: 9,
  NEEDS_GAS: 10,
} as const;
// HookReceiver's modes (contracts/test/HookToken.sol).
const HOOK = { ACCEPT: 0, REFUSE: 1, BURN_GAS: 2, DONATE: 3, CALL_BACK: 4 } as const;

interface Line {
  to: string;
  amount: bigint;
}
/** A call frame as Anvil's callTracer reports it. */
interface Frame {
  to?: string;
  input?: string;
  output?: string;
  gasUsed?: string;
  calls?: Frame[];
}
interface Settlement {
  batchId: string;
  payouts: bigint[];
  receipt: TransactionReceipt;
  settled: SettledEvent;
  held: LineHeldEvent[];
}

describe("StewardDistributorV2 on a real EVM (Anvil)", () => {
  let chain: LocalChain;
  let provider: JsonRpcProvider;
  let chainId: bigint;
  let treasury: Wallet;
  let owner: Wallet;
  let operator: Wallet;
  let stranger: Wallet;
  let distributor: Contract;
  let address: string;
  let plain: Contract;
  let tricky: Contract;

  async function deploy(name: string, args: unknown[] = [], signer: Wallet = treasury): Promise<Contract> {
    const a = loadArtifact(name);
    const c = (await new ContractFactory(a.abi as never, a.bytecode, signer).deploy(...args)) as Contract;
    await c.waitForDeployment();
    return c;
  }
  /** A token with the whole supply at the treasury, which approves the distributor without limit. */
  async function fundedToken(name: string, args: unknown[] = [treasury.address, SUPPLY]): Promise<Contract> {
    const token = await deploy(name, args);
    await (await token.getFunction("approve")(address, MaxUint256)).wait();
    return token;
  }
  const as = (who: Wallet) => distributor.connect(who) as Contract;
  const balanceOf = (token: Contract, who: string) => token.getFunction("balanceOf")(who) as Promise<bigint>;
  const heldLine = async (lineId: string) => {
    const [token, recipient, amount, heldAt] = (await distributor.getFunction("heldLine")(lineId)).toArray();
    return { token, recipient, amount, heldAt } as { token: string; recipient: string; amount: bigint; heldAt: bigint };
  };
  const totalHeld = (token: Contract) => distributor.getFunction("totalHeld")(token.target) as Promise<bigint>;
  const chainNow = async () => BigInt((await provider.getBlock("latest"))?.timestamp ?? 0);
  const fresh = (n: number): BaseWallet[] => Array.from({ length: n }, () => Wallet.createRandom());

  let batches = 0;
  const nextBatchId = () =>
    keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [keccak256(toUtf8Bytes("v2")), batches++]));
  const pack = (lines: Line[]) => lines.map((l) => packPayout(l.to, l.amount));
  const sum = (lines: Line[]) => lines.reduce((s, l) => s + l.amount, 0n);

  /** settle() as the operator sends it; the receipt's Settled and LineHeld events decoded with the helpers. */
  async function settle(token: Contract, lines: Line[]): Promise<Settlement> {
    const batchId = nextBatchId();
    const payouts = pack(lines);
    const tx = await as(operator).getFunction("settle")(batchId, token.target, payouts, sum(lines));
    const receipt = (await tx.wait()) as TransactionReceipt;
    const settled = decodeSettled(receipt.logs, address);
    if (!settled) throw new Error("no Settled event");
    return { batchId, payouts, receipt, settled, held: decodeLineHeld(receipt.logs, address) };
  }
  /** The same call simulated (custom errors decoded by ethers); resolves to the held count settle would return. */
  const preflight = (batchId: string, token: string, payouts: bigint[], total: bigint, who: Wallet = operator) =>
    as(who).getFunction("settle").staticCall(batchId, token, payouts, total) as Promise<bigint>;

  async function sign(signer: BaseWallet, claim: ClaimMessage) {
    return signer.signTypedData(claimDomain(chainId, address), CLAIM_TYPES, claim);
  }
  const claimCall = (claim: ClaimMessage, signature: string, who: Wallet = stranger) =>
    as(who).getFunction("claim").staticCall(claim.lineId, claim.to, claim.deadline, signature);
  /** The transaction, relayed by someone else than the recipient (here: a stranger), with the helper's calldata. */
  async function relayClaim(claim: ClaimMessage, signature: string): Promise<TransactionReceipt> {
    const tx = await stranger.sendTransaction({ to: address, data: encodeClaim(claim, signature) });
    return (await tx.wait()) as TransactionReceipt;
  }
  const eventsNamed = (receipt: TransactionReceipt, name: string) =>
    receipt.logs
      .filter((l) => getAddress(l.address) === address)
      .map((l) => distributorV2Interface.parseLog(l))
      .filter((e) => e?.name === name)
      .map((e) => e?.args.toArray());

  /** Holds a TrickyToken line for each of `members` (its transfer to them reverts). */
  async function holdFor(members: string[], amounts: bigint[]): Promise<Settlement> {
    await (
      await tricky.getFunction("setModes")(
        members,
        members.map(() => MODE.REVERT),
      )
    ).wait();
    const s = await settle(
      tricky,
      members.map((to, i) => ({ to, amount: amounts[i] as bigint })),
    );
    expect(s.held.map((h) => h.recipient)).toEqual(members.map(getAddress));
    return s;
  }

  beforeAll(async () => {
    chain = await startAnvil();
    provider = new JsonRpcProvider(chain.rpcUrl, undefined, {
      cacheTimeout: -1,
      staticNetwork: true,
      pollingInterval: 50,
    });
    chainId = (await provider.getNetwork()).chainId;
    // Plain wallets, one transaction at a time each (a NonceManager skips a nonce after a failed estimate).
    treasury = new Wallet(chain.deployerKey, provider);
    owner = new Wallet(OWNER_KEY, provider);
    operator = new Wallet(OPERATOR_KEY, provider);
    stranger = new Wallet(STRANGER_KEY, provider);
    distributor = await deploy("StewardDistributorV2", [
      owner.address,
      operator.address,
      treasury.address,
      CLAIM_PERIOD,
    ]);
    address = await distributor.getAddress();
    plain = await fundedToken("RewardToken", ["Steward Reward", "STEW", treasury.address, SUPPLY]);
    tricky = await fundedToken("TrickyToken");
  }, 60_000);
  afterAll(async () => {
    provider?.destroy();
    await chain?.stop();
  });

  it("pays a batch, commits to its lines in Settled, and refuses the same batch id again", async () => {
    const lines = fresh(5).map((w, i) => ({ to: w.address, amount: BigInt(100 + i) }));
    const batchId = nextBatchId();
    const payouts = pack(lines);
    // The preflight tells how many lines would be held.
    expect(await preflight(batchId, String(plain.target), payouts, sum(lines))).toBe(0n);
    // Sent with the helper's calldata, as Steward will.
    const data = encodeSettle({ batchId, token: String(plain.target), payouts, total: sum(lines) });
    const receipt = (await (await operator.sendTransaction({ to: address, data })).wait()) as TransactionReceipt;
    expect(decodeSettled(receipt.logs, address)).toEqual({
      batchId,
      token: getAddress(String(plain.target)),
      count: 5n,
      total: 510n,
      linesHash: linesHashOf(payouts),
      heldCount: 0n,
    });
    // linesHash is keccak256(abi.encodePacked(payouts)), word by word.
    expect(linesHashOf(payouts)).toBe(
      keccak256(
        AbiCoder.defaultAbiCoder()
          .encode(["uint256[]"], [payouts])
          .replace(/^0x.{128}/, "0x"),
      ),
    );
    expect(decodeLineHeld(receipt.logs, address)).toEqual([]);
    for (const l of lines) expect(await balanceOf(plain, l.to)).toBe(l.amount);
    expect(await distributor.getFunction("settled")(batchId)).toBe(true);
    await expect(preflight(batchId, String(plain.target), payouts, sum(lines))).rejects.toMatchObject({
      revert: { name: "AlreadySettled", args: [batchId] },
    });
    expect(await balanceOf(plain, address)).toBe(0n);
    // The helper's budget is the contract's.
    expect(await distributor.getFunction("LINE_GAS")()).toBe(LINE_GAS);
    // Odd and even counts, one line and two: every position of the two-per-iteration loop pays.
    for (const n of [1, 2, 3, 4]) {
      const batch = fresh(n).map((w, i) => ({ to: w.address, amount: BigInt(7 + i) }));
      const s = await settle(plain, batch);
      expect(s.settled.count).toBe(BigInt(n));
      for (const l of batch) expect(await balanceOf(plain, l.to)).toBe(l.amount);
    }
  });

  it("lets only the operator settle and only the owner change the operator", async () => {
    const [a] = fresh(1) as [BaseWallet];
    const id = nextBatchId();
    for (const who of [stranger, owner, treasury]) {
      await expect(preflight(id, String(plain.target), [packPayout(a.address, 1n)], 1n, who)).rejects.toMatchObject({
        revert: { name: "NotOperator", args: [who.address] },
      });
    }
    for (const who of [operator, stranger]) {
      await expect(as(who).getFunction("setOperator").staticCall(who.address)).rejects.toMatchObject({
        revert: { name: "OwnableUnauthorizedAccount", args: [who.address] },
      });
    }
    await (await as(owner).getFunction("setOperator")(stranger.address)).wait();
    expect(await preflight(id, String(plain.target), [packPayout(a.address, 1n)], 1n, stranger)).toBe(0n);
    await expect(preflight(id, String(plain.target), [packPayout(a.address, 1n)], 1n, operator)).rejects.toMatchObject({
      revert: { name: "NotOperator" },
    });
    await (await as(owner).getFunction("setOperator")(operator.address)).wait();
    expect(await distributor.getFunction("operator")()).toBe(operator.address);
  });

  it("refuses, paying nobody: an empty batch, a zero address or amount (with its index), a wrong total, a token without code", async () => {
    const [a, b, c, d] = fresh(4).map((w) => w.address) as [string, string, string, string];
    const t = String(plain.target);
    const id = nextBatchId();
    await expect(preflight(id, t, [], 0n)).rejects.toMatchObject({ revert: { name: "EmptyBatch" } });
    // Each position: the first and second line of a pair, and the odd last one.
    const zeroAddress = 5n << 160n;
    const zeroAmount = BigInt(c);
    const cases: [bigint[], string, bigint][] = [
      [[zeroAddress, packPayout(a, 1n), packPayout(b, 1n)], "ZeroAddress", 0n],
      [[packPayout(a, 1n), zeroAddress, packPayout(b, 1n)], "ZeroAddress", 1n],
      [[packPayout(a, 1n), packPayout(b, 1n), zeroAddress], "ZeroAddress", 2n],
      [[packPayout(a, 1n), packPayout(b, 1n), packPayout(d, 1n), zeroAmount], "ZeroAmount", 3n],
      [[zeroAmount, packPayout(a, 1n)], "ZeroAmount", 0n],
      [[0n], "ZeroAddress", 0n],
    ];
    for (const [payouts, name, index] of cases) {
      await expect(preflight(id, t, payouts, 7n)).rejects.toMatchObject({ revert: { name, args: [index] } });
    }
    await expect(preflight(id, t, [packPayout(a, 2n), packPayout(b, 3n)], 4n)).rejects.toMatchObject({
      revert: { name: "TotalMismatch", args: [4n, 5n] },
    });
    for (const token of [ZeroAddress, stranger.address]) {
      await expect(preflight(id, token, [packPayout(a, 1n)], 1n)).rejects.toMatchObject({
        revert: { name: "TokenWithoutCode", args: [token] },
      });
    }
    expect(await distributor.getFunction("settled")(id)).toBe(false);
    expect(await balanceOf(plain, a)).toBe(0n);
  });

  it("holds exactly the blacklisted line of a USDC-style token (behind its proxy) and pays the others", async () => {
    const implementation = await deploy("BlacklistToken");
    const init = implementation.interface.encodeFunctionData("initialize", [
      treasury.address,
      treasury.address,
      SUPPLY,
    ]);
    const proxy = await deploy("BlacklistTokenProxy", [implementation.target, init]);
    const usdc = implementation.attach(proxy.target) as Contract;
    await (await usdc.getFunction("approve")(address, MaxUint256)).wait();
    const members = fresh(5);
    const blacklisted = members[2] as BaseWallet;
    await (await usdc.getFunction("blacklist")(blacklisted.address)).wait();
    const lines = members.map((w, i) => ({ to: w.address, amount: 1_000_000n * BigInt(i + 1) }));

    const s = await settle(usdc, lines);
    const lineId = lineIdOf(s.batchId, 2);
    expect(s.held).toEqual([
      { lineId, batchId: s.batchId, recipient: blacklisted.address, index: 2n, amount: 3_000_000n },
    ]);
    expect(s.settled).toMatchObject({
      count: 5n,
      total: 15_000_000n,
      heldCount: 1n,
      linesHash: linesHashOf(s.payouts),
    });
    const block = await provider.getBlock(s.receipt.blockNumber);
    expect(await heldLine(lineId)).toEqual({
      token: getAddress(String(proxy.target)),
      recipient: blacklisted.address,
      amount: 3_000_000n,
      heldAt: BigInt(block?.timestamp ?? 0),
    });
    for (const [i, l] of lines.entries()) expect(await balanceOf(usdc, l.to)).toBe(i === 2 ? 0n : l.amount);
    expect(await balanceOf(usdc, address)).toBe(3_000_000n);
    expect(await totalHeld(usdc)).toBe(3_000_000n);

    // The budget: each USDC-style transfer to a new holder, traced inside settle, uses well under LINE_GAS.
    const trace = (await provider.send("debug_traceTransaction", [s.receipt.hash, { tracer: "callTracer" }])) as Frame;
    const transfers = (trace.calls ?? []).filter((c) => c.input?.startsWith("0xa9059cbb"));
    expect(transfers).toHaveLength(5);
    for (const t of transfers) expect(BigInt(t.gasUsed ?? "0")).toBeLessThan(LINE_GAS / 3n);

    // The member, who cannot receive at that address, has it paid to another wallet; a stranger relays.
    const elsewhere = Wallet.createRandom().address;
    const claim = { lineId, to: elsewhere, deadline: (await chainNow()) + 3600n };
    const receipt = await relayClaim(claim, await sign(blacklisted, claim));
    expect(eventsNamed(receipt, "Claimed")).toEqual([
      [lineId, blacklisted.address, elsewhere, getAddress(String(proxy.target)), 3_000_000n],
    ]);
    expect(await balanceOf(usdc, elsewhere)).toBe(3_000_000n);
    expect(await balanceOf(usdc, address)).toBe(0n);
    expect((await heldLine(lineId)).amount).toBe(0n);
  });

  it("holds the lines of an ERC-777-style token whose receive hook reverts or burns all its gas, pays the rest, within the estimate", async () => {
    const hooked = await fundedToken("HookToken");
    const [refusing, burning, accepting, donating] = [
      await deploy("HookReceiver", [HOOK.REFUSE, hooked.target]),
      await deploy("HookReceiver", [HOOK.BURN_GAS, hooked.target]),
      await deploy("HookReceiver", [HOOK.ACCEPT, hooked.target]),
      await deploy("HookReceiver", [HOOK.DONATE, hooked.target]),
    ] as [Contract, Contract, Contract, Contract];
    const [e1, e2, e3] = fresh(3).map((w) => w.address) as [string, string, string];
    const recipients = [
      e1,
      String(refusing.target),
      e2,
      String(burning.target),
      String(accepting.target),
      e3,
      String(donating.target),
    ];
    const lines = recipients.map((to, i) => ({ to, amount: BigInt(10 + i) }));
    const batchId = nextBatchId();
    const payouts = pack(lines);
    const estimate = await as(operator).getFunction("settle").estimateGas(batchId, hooked.target, payouts, sum(lines));
    // Exactly the estimate as the gas limit: the transaction does not run out of gas overall.
    const tx = await as(operator).getFunction("settle")(batchId, hooked.target, payouts, sum(lines), {
      gasLimit: estimate,
    });
    const receipt = (await tx.wait()) as TransactionReceipt;
    expect(receipt.status).toBe(1);
    const held = decodeLineHeld(receipt.logs, address);
    expect(held.map((h) => [h.index, h.recipient, h.amount])).toEqual([
      [1n, getAddress(String(refusing.target)), 11n],
      [3n, getAddress(String(burning.target)), 13n],
    ]);
    expect(decodeSettled(receipt.logs, address)?.heldCount).toBe(2n);
    const paid = (i: number) => (i === 1 || i === 3 ? 0n : (lines[i]?.amount ?? 0n)) - (i === 6 ? 1n : 0n);
    for (const [i, l] of lines.entries()) expect(await balanceOf(hooked, l.to)).toBe(paid(i));
    expect(await accepting.getFunction("received")()).toBe(14n);
    // The donation a hook sent back is tolerated (refusing it would let a recipient sink the chunk): it stays here
    // beside the held lines.
    expect(await balanceOf(hooked, address)).toBe(11n + 13n + 1n);
    expect(await totalHeld(hooked)).toBe(11n + 13n);
    // The gas bomb burned its budget and no more: the whole settle stays bounded.
    expect(receipt.gasUsed).toBeGreaterThan(LINE_GAS);
    expect(receipt.gasUsed).toBeLessThan(150_000n + 7n * 60_000n + 2n * LINE_GAS);
  });

  it("holds the line of a recipient whose hook re-enters the distributor (a claim of its own) during settle", async () => {
    const hooked = await fundedToken("HookToken");
    // The attacker's own earlier held line, with a valid claim signature: claimable, but not from inside settle.
    const [member] = fresh(1) as [BaseWallet];
    const earlier = await holdFor([member.address], [66n]);
    const to = Wallet.createRandom().address;
    const claim = { lineId: earlier.held[0]?.lineId as string, to, deadline: (await chainNow()) + 600n };
    const signature = await sign(member, claim);
    const reentering = await deploy("HookReceiver", [HOOK.CALL_BACK, hooked.target]);
    await (await reentering.getFunction("setCall")(address, encodeClaim(claim, signature))).wait();
    const [a, b] = fresh(2).map((w) => w.address) as [string, string];
    const s = await settle(hooked, [
      { to: a, amount: 1n },
      { to: String(reentering.target), amount: 2n },
      { to: b, amount: 3n },
    ]);
    expect(s.held.map((h) => [h.index, h.recipient])).toEqual([[1n, getAddress(String(reentering.target))]]);
    // Refused by the guard (traced): the call back into the distributor reverted ReentrancyGuardReentrantCall.
    const trace = (await provider.send("debug_traceTransaction", [s.receipt.hash, { tracer: "callTracer" }])) as Frame;
    const nested: Frame[] = [];
    const walk = (f: Frame, depth: number) => {
      if (depth > 0 && f.to && getAddress(f.to) === address) nested.push(f);
      for (const c of f.calls ?? []) walk(c, depth + 1);
    };
    walk(trace, 0);
    expect(nested.map((f) => decodeDistributorV2Error(f.output)?.name)).toEqual(["ReentrancyGuardReentrantCall"]);
    expect(await balanceOf(hooked, a)).toBe(1n);
    expect(await balanceOf(hooked, b)).toBe(3n);
    // The reentrant claim did not happen; the same claim, made on its own, does.
    expect((await heldLine(claim.lineId)).amount).toBe(66n);
    await relayClaim(claim, signature);
    expect(await balanceOf(tricky, to)).toBe(66n);
  });

  it("holds a line whose transfer returns false, returns 2 or reverts; pays one returning nothing (USDT-style) or true with junk after it", async () => {
    const members = fresh(6).map((w) => w.address);
    const modes = [
      MODE.NORMAL,
      MODE.RETURN_FALSE,
      MODE.RETURN_NOTHING,
      MODE.RETURN_TWO,
      MODE.SUCCESS_BOMB,
      MODE.REVERT,
    ];
    await (await tricky.getFunction("setModes")(members, modes)).wait();
    const held0 = await totalHeld(tricky);
    const lines = members.map((to, i) => ({ to, amount: BigInt(1000 + i) }));
    const s = await settle(tricky, lines);
    expect(s.held.map((h) => [h.lineId, h.index, h.recipient, h.amount])).toEqual(
      [1, 3, 5].map((i) => [lineIdOf(s.batchId, i), BigInt(i), members[i], BigInt(1000 + i)]),
    );
    expect(s.settled.heldCount).toBe(3n);
    for (const [i, l] of lines.entries()) {
      expect(await balanceOf(tricky, l.to)).toBe([1, 3, 5].includes(i) ? 0n : l.amount);
    }
    expect((await totalHeld(tricky)) - held0).toBe(1001n + 1003n + 1005n);
  });

  it("refuses a token whose transfer returns false yet pays: BalanceShort, so a held line is never paid twice", async () => {
    const [a, liar] = fresh(2).map((w) => w.address) as [string, string];
    await (await tricky.getFunction("setModes")([liar], [MODE.PAY_AND_RETURN_FALSE])).wait();
    const here = await balanceOf(tricky, address);
    const payouts = [packPayout(a, 10n), packPayout(liar, 20n)];
    await expect(preflight(nextBatchId(), String(tricky.target), payouts, 30n)).rejects.toMatchObject({
      revert: { name: "BalanceShort", args: [here + 20n, here] },
    });
  });

  it("bounds a return-data bomb: a huge revert or return costs the distributor nothing more, the token its budget", async () => {
    /** settle with 5 fresh lines, 3 of them in `mode`; the gas of the distributor's own frame and of each transfer. */
    const run = async (mode: number, bombSize: bigint) => {
      await (await tricky.getFunction("setBombSize")(bombSize)).wait();
      const members = fresh(5).map((w) => w.address);
      const flagged = [members[0], members[2], members[4]] as string[];
      await (await tricky.getFunction("setModes")(flagged, [mode, mode, mode])).wait();
      const s = await settle(
        tricky,
        members.map((to) => ({ to, amount: 5n })),
      );
      const trace = (await provider.send("debug_traceTransaction", [
        s.receipt.hash,
        { tracer: "callTracer" },
      ])) as Frame;
      const calls = trace.calls ?? [];
      const transfers = calls.filter((c) => c.input?.startsWith("0xa9059cbb")).map((c) => BigInt(c.gasUsed ?? "0"));
      const own = BigInt(trace.gasUsed ?? "0") - calls.reduce((a, c) => a + BigInt(c.gasUsed ?? "0"), 0n);
      return { s, own, bombs: [transfers[0], transfers[2], transfers[4]] as bigint[] };
    };
    const small = await run(MODE.REVERT_BOMB, 32n);
    const large = await run(MODE.REVERT_BOMB, 150_000n);
    expect(small.s.settled.heldCount).toBe(3n);
    expect(large.s.settled.heldCount).toBe(3n);
    // Each 150 kB revert really cost its token ~57k gas of memory, within the line's budget ...
    for (const g of large.bombs) {
      expect(g).toBeGreaterThan(50_000n);
      expect(g).toBeLessThanOrEqual(LINE_GAS);
    }
    // ... and the distributor's own gas does not depend on the size (copying it would cost 14k+ per line).
    expect(large.own - small.own).toBeLessThan(1_000n);
    // On success the junk after `true` is ignored, uncopied, and the line is paid.
    const normal = await run(MODE.NORMAL, 150_000n);
    const successBomb = await run(MODE.SUCCESS_BOMB, 150_000n);
    expect(successBomb.s.settled.heldCount).toBe(0n);
    for (const g of successBomb.bombs) expect(g).toBeGreaterThan(50_000n);
    expect(successBomb.own - normal.own).toBeLessThan(1_000n);
  });

  it("refuses a fee-on-transfer token with PullMismatch(expected, received), paying nobody", async () => {
    const fee = await fundedToken("FeeToken");
    const [a] = fresh(1).map((w) => w.address) as [string];
    const id = nextBatchId();
    await expect(preflight(id, String(fee.target), [packPayout(a, 1000n)], 1000n)).rejects.toMatchObject({
      revert: { name: "PullMismatch", args: [1000n, 990n] },
    });
    // The helper decodes the raw revert data the same way (what Steward maps to a failure in words).
    const data = await provider
      .call({
        from: operator.address,
        to: address,
        data: encodeSettle({ batchId: id, token: String(fee.target), payouts: [packPayout(a, 1000n)], total: 1000n }),
      })
      .catch((e: { data?: string }) => e.data);
    expect(decodeDistributorV2Error(data)).toEqual({ name: "PullMismatch", args: [1000n, 990n] });
    expect(decodeDistributorV2Error("0x")).toBeNull();
    expect(decodeDistributorV2Error("0xdeadbeef")).toBeNull();
    expect(DISTRIBUTOR_V2_ERRORS).toEqual(
      expect.arrayContaining([
        "AlreadySettled",
        "PullMismatch",
        "TokenWithoutCode",
        "InsufficientGasForLine",
        "NotHeld",
        "ClaimExpired",
        "InvalidClaimSignature",
        "ClaimPeriodRunning",
        "NotOperatorOrOwner",
        "InvalidDestination",
        "OwnableUnauthorizedAccount",
      ]),
    );
    expect(await distributor.getFunction("settled")(id)).toBe(false);
    expect(await balanceOf(fee, a)).toBe(0n);
  });

  it("never holds a payable line for lack of gas: too low a gas limit reverts InsufficientGasForLine", async () => {
    const settleFn = as(operator).getFunction("settle");
    /** What settle does at gas limits from 150k below the estimate (the least gas that succeeds) to 150k above. */
    async function sweep(modes: number[]) {
      const members = fresh(modes.length).map((w) => w.address);
      await (await tricky.getFunction("setModes")(members, modes)).wait();
      const lines = members.map((to) => ({ to, amount: 9n }));
      const args = [nextBatchId(), tricky.target, pack(lines), sum(lines)] as const;
      const estimate = await settleFn.estimateGas(...args);
      const outcomes = new Set<string>();
      for (let gas = estimate - 150_000n; gas < estimate + 150_000n; gas += 2_500n) {
        outcomes.add(
          await settleFn.staticCall(...args, { gasLimit: gas }).then(
            (held: bigint) => `held ${held}`,
            (e: { revert?: { name: string } }) => e.revert?.name ?? "out of gas",
          ),
        );
      }
      return [...outcomes].sort();
    }
    // A line that pays only with most of its budget, last (what remains after it would pay for holding it):
    // starved by a low gas limit, it must revert the call, never be held.
    expect(await sweep([MODE.NORMAL, MODE.NORMAL, MODE.NEEDS_GAS])).toEqual([
      "InsufficientGasForLine",
      "held 0",
      "out of gas",
    ]);
    // A gas bomb is held at any gas limit that goes through, and nothing else is.
    expect(
      (await sweep([MODE.NORMAL, MODE.BURN_GAS, MODE.NORMAL, MODE.NORMAL])).filter((o) => o.startsWith("held")),
    ).toEqual(["held 1"]);
  });

  it("claims by an EOA recipient's EIP-712 signature: pays once, to the `to` signed, until the deadline", async () => {
    const [member, other] = fresh(2) as [BaseWallet, BaseWallet];
    const s = await holdFor([member.address, other.address], [500n, 600n]);
    const lineId = lineIdOf(s.batchId, 0);
    expect(s.held[0]?.lineId).toBe(lineId);
    const to = Wallet.createRandom().address;
    const deadline = (await chainNow()) + 600n;
    const claim = { lineId, to, deadline };
    // The helper's digest is the contract's, under the domain the contract publishes (ERC-5267).
    expect(claimDigest(claimDomain(chainId, address), claim)).toBe(
      await distributor.getFunction("claimDigest")(lineId, to, deadline),
    );
    expect(await distributor.getFunction("CLAIM_TYPEHASH")()).toBe(
      keccak256(toUtf8Bytes(TypedDataEncoder.from(CLAIM_TYPES).encodeType("Claim"))),
    );
    const domain = (await distributor.getFunction("eip712Domain")()).toArray();
    expect(domain.slice(1, 5)).toEqual(["StewardDistributor", "2", chainId, address]);
    const signature = await sign(member, claim);

    // Wrong signer (the other held recipient, a stranger), another `to`, a passed deadline: refused.
    for (const bad of [await sign(other, claim), await sign(stranger, claim)]) {
      await expect(claimCall(claim, bad)).rejects.toMatchObject({
        revert: { name: "InvalidClaimSignature", args: [lineId, member.address] },
      });
    }
    await expect(claimCall({ ...claim, to: stranger.address }, signature)).rejects.toMatchObject({
      revert: { name: "InvalidClaimSignature" },
    });
    const expired = { ...claim, deadline: (await chainNow()) - 1n };
    await expect(claimCall(expired, await sign(member, expired))).rejects.toMatchObject({
      revert: { name: "ClaimExpired", args: [lineId, expired.deadline] },
    });
    for (const dest of [ZeroAddress, address]) {
      const c = { ...claim, to: dest };
      await expect(claimCall(c, await sign(member, c))).rejects.toMatchObject({
        revert: { name: "InvalidDestination", args: [dest] },
      });
    }
    await expect(claimCall(claim, "0x1234")).rejects.toMatchObject({ revert: { name: "InvalidClaimSignature" } });

    const held = await totalHeld(tricky);
    const receipt = await relayClaim(claim, signature);
    expect(eventsNamed(receipt, "Claimed")).toEqual([
      [lineId, member.address, to, getAddress(String(tricky.target)), 500n],
    ]);
    expect(await balanceOf(tricky, to)).toBe(500n);
    expect(await totalHeld(tricky)).toBe(held - 500n);
    expect(await heldLine(lineId)).toEqual({ token: ZeroAddress, recipient: ZeroAddress, amount: 0n, heldAt: 0n });
    // Replay: the line is gone.
    await expect(claimCall(claim, signature)).rejects.toMatchObject({ revert: { name: "NotHeld", args: [lineId] } });
  });

  it("claims by a contract recipient's EIP-1271 signature (a smart wallet)", async () => {
    const keyHolder = Wallet.createRandom();
    const wallet = await deploy("ClaimWallet", [keyHolder.address]);
    const s = await holdFor([String(wallet.target)], [777n]);
    const lineId = lineIdOf(s.batchId, 0);
    const claim = { lineId, to: Wallet.createRandom().address, deadline: (await chainNow()) + 600n };
    // The wallet's key signs the same typed data; the distributor asks the wallet (isValidSignature).
    await expect(claimCall(claim, await sign(Wallet.createRandom(), claim))).rejects.toMatchObject({
      revert: { name: "InvalidClaimSignature", args: [lineId, getAddress(String(wallet.target))] },
    });
    await relayClaim(claim, await sign(keyHolder, claim));
    expect(await balanceOf(tricky, claim.to)).toBe(777n);
    expect((await heldLine(lineId)).amount).toBe(0n);
  });

  it("redirects a held line by the owner only", async () => {
    const [member] = fresh(1) as [BaseWallet];
    const s = await holdFor([member.address], [321n]);
    const lineId = lineIdOf(s.batchId, 0);
    const linked = Wallet.createRandom().address;
    for (const who of [operator, stranger, treasury]) {
      await expect(as(who).getFunction("redirect").staticCall(lineId, who.address)).rejects.toMatchObject({
        revert: { name: "OwnableUnauthorizedAccount", args: [who.address] },
      });
    }
    await expect(as(owner).getFunction("redirect").staticCall(lineId, ZeroAddress)).rejects.toMatchObject({
      revert: { name: "InvalidDestination" },
    });
    const receipt = (await (
      await owner.sendTransaction({ to: address, data: encodeRedirect(lineId, linked) })
    ).wait()) as TransactionReceipt;
    expect(eventsNamed(receipt, "Redirected")).toEqual([
      [lineId, member.address, linked, getAddress(String(tricky.target)), 321n],
    ]);
    expect(await balanceOf(tricky, linked)).toBe(321n);
    await expect(as(owner).getFunction("redirect").staticCall(lineId, linked)).rejects.toMatchObject({
      revert: { name: "NotHeld", args: [lineId] },
    });
  });

  it("returns a held line to the treasury, by the operator or owner, only once the claim period has passed", async () => {
    const [m1, m2] = fresh(2) as [BaseWallet, BaseWallet];
    const s = await holdFor([m1.address, m2.address], [40n, 50n]);
    const [id1, id2] = [lineIdOf(s.batchId, 0), lineIdOf(s.batchId, 1)];
    const returnableAt = (await heldLine(id1)).heldAt + CLAIM_PERIOD;
    await expect(as(stranger).getFunction("returnHeld").staticCall(id1)).rejects.toMatchObject({
      revert: { name: "NotOperatorOrOwner", args: [stranger.address] },
    });
    for (const who of [operator, owner]) {
      await expect(as(who).getFunction("returnHeld").staticCall(id1)).rejects.toMatchObject({
        revert: { name: "ClaimPeriodRunning", args: [id1, returnableAt] },
      });
    }
    await provider.send("evm_increaseTime", [Number(CLAIM_PERIOD)]);
    await provider.send("evm_mine", []);
    await expect(as(stranger).getFunction("returnHeld").staticCall(id1)).rejects.toMatchObject({
      revert: { name: "NotOperatorOrOwner" },
    });
    const before = await balanceOf(tricky, treasury.address);
    const receipt = (await (
      await operator.sendTransaction({ to: address, data: encodeReturnHeld(id1) })
    ).wait()) as TransactionReceipt;
    expect(eventsNamed(receipt, "Returned")).toEqual([[id1, m1.address, getAddress(String(tricky.target)), 40n]]);
    await (await as(owner).getFunction("returnHeld")(id2)).wait();
    expect(await balanceOf(tricky, treasury.address)).toBe(before + 90n);
    // Returned once: neither a second return nor a late claim can pay it again.
    await expect(as(operator).getFunction("returnHeld").staticCall(id1)).rejects.toMatchObject({
      revert: { name: "NotHeld", args: [id1] },
    });
    const late = { lineId: id2, to: m2.address, deadline: (await chainNow()) + 600n };
    await expect(claimCall(late, await sign(m2, late))).rejects.toMatchObject({ revert: { name: "NotHeld" } });
  });

  it("ignores logs shaped like its events that another contract emits inside settle", async () => {
    const [forger] = fresh(1).map((w) => w.address) as [string];
    await (await tricky.getFunction("setModes")([forger], [MODE.FORGE_EVENTS])).wait();
    const s = await settle(tricky, [{ to: forger, amount: 3n }]);
    const forged = s.receipt.logs.filter((l) => getAddress(l.address) !== address);
    const names = forged.map((l) => distributorV2Interface.parseLog(l)?.name);
    expect(names).toEqual(expect.arrayContaining(["Settled", "LineHeld"]));
    expect(s.settled.batchId).toBe(s.batchId);
    expect(s.held).toEqual([]);
    expect(decodeSettled(forged, address)).toBeNull();
  });

  it("conserves sums: treasury debit = paid + held; held = claimed + redirected + returned + still held", async () => {
    const token = await fundedToken("TrickyToken");
    const start = await balanceOf(token, treasury.address);
    const members = fresh(8);
    const bad = [members[1], members[4], members[5], members[7]] as BaseWallet[];
    await (
      await token.getFunction("setModes")(
        bad.map((w) => w.address),
        [MODE.REVERT, MODE.BURN_GAS, MODE.RETURN_FALSE, MODE.REVERT_BOMB],
      )
    ).wait();
    const lines = members.map((w, i) => ({ to: w.address, amount: BigInt(1_000 * (i + 1)) }));
    const first = await settle(token, lines.slice(0, 5));
    const second = await settle(token, lines.slice(5));
    const held = [...first.held, ...second.held];
    expect(held.map((h) => h.recipient)).toEqual(bad.map((w) => w.address));
    const heldSum = held.reduce((s, h) => s + h.amount, 0n);
    let paid = 0n;
    for (const l of lines) paid += await balanceOf(token, l.to);
    expect(start - (await balanceOf(token, treasury.address))).toBe(paid + heldSum);
    expect(await balanceOf(token, address)).toBe(heldSum);
    expect(await totalHeld(token)).toBe(heldSum);

    // One claimed, one redirected, one returned after the period, one still held.
    const [claimed, redirected, returned, still] = held as [LineHeldEvent, LineHeldEvent, LineHeldEvent, LineHeldEvent];
    const claimTo = Wallet.createRandom().address;
    const claim = { lineId: claimed.lineId, to: claimTo, deadline: (await chainNow()) + 600n };
    await relayClaim(claim, await sign(bad[0] as BaseWallet, claim));
    const redirectTo = Wallet.createRandom().address;
    await (await as(owner).getFunction("redirect")(redirected.lineId, redirectTo)).wait();
    await provider.send("evm_increaseTime", [Number(CLAIM_PERIOD)]);
    await provider.send("evm_mine", []);
    await (await as(operator).getFunction("returnHeld")(returned.lineId)).wait();

    expect(await balanceOf(token, claimTo)).toBe(claimed.amount);
    expect(await balanceOf(token, redirectTo)).toBe(redirected.amount);
    expect(heldSum).toBe(claimed.amount + redirected.amount + returned.amount + still.amount);
    expect(await balanceOf(token, address)).toBe(still.amount);
    expect(await totalHeld(token)).toBe(still.amount);
    expect((await heldLine(still.lineId)).amount).toBe(still.amount);
    expect(start - (await balanceOf(token, treasury.address))).toBe(
      paid + claimed.amount + redirected.amount + still.amount,
    );
  });

  it("property: every line of a random batch is paid exactly once or held, and the distributor holds exactly the held sum", async () => {
    const token = await fundedToken("TrickyToken");
    const PAYS = new Set<number>([MODE.NORMAL, MODE.RETURN_NOTHING, MODE.SUCCESS_BOMB]);
    const modes = fc.constantFrom(
      MODE.NORMAL,
      MODE.NORMAL,
      MODE.NORMAL,
      MODE.REVERT,
      MODE.RETURN_FALSE,
      MODE.BURN_GAS,
      MODE.REVERT_BOMB,
      MODE.RETURN_NOTHING,
      MODE.SUCCESS_BOMB,
    );
    let expectedHeld = 0n;
    await fc.assert(
      fc.asyncProperty(
        // Up to 6 recipients, each failing or not in one way; up to 14 lines among them (repeats allowed).
        fc.array(modes, { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ who: fc.nat(), amount: fc.bigInt({ min: 1n, max: 10n ** 24n }) }), {
          minLength: 1,
          maxLength: 14,
        }),
        async (recipientModes, picks) => {
          const recipients = fresh(recipientModes.length).map((w) => w.address);
          await (await token.getFunction("setModes")(recipients, recipientModes)).wait();
          const lines = picks.map((p) => ({ to: recipients[p.who % recipients.length] as string, amount: p.amount }));
          const s = await settle(token, lines);
          const modeOf = (l: Line) => recipientModes[recipients.indexOf(l.to)] as number;
          const heldIdx = lines.flatMap((l, i) => (PAYS.has(modeOf(l)) ? [] : [i]));
          // Held: exactly the failing lines, each with its index, recipient and amount, and kept on chain.
          expect(s.held.map((h) => [h.index, h.recipient, h.amount])).toEqual(
            heldIdx.map((i) => [BigInt(i), getAddress(lines[i]?.to as string), lines[i]?.amount]),
          );
          expect(s.settled.heldCount).toBe(BigInt(heldIdx.length));
          expect(s.settled.linesHash).toBe(linesHashOf(s.payouts));
          for (const [i, l] of lines.entries()) {
            const h = await heldLine(lineIdOf(s.batchId, i));
            expect(h.amount).toBe(heldIdx.includes(i) ? l.amount : 0n);
          }
          // Paid: each recipient got exactly its paying lines, once.
          for (const r of recipients) {
            const owed = lines.filter((l) => l.to === r && PAYS.has(modeOf(l))).reduce((a, l) => a + l.amount, 0n);
            expect(await balanceOf(token, r)).toBe(owed);
          }
          expectedHeld += heldIdx.reduce((a, i) => a + (lines[i]?.amount ?? 0n), 0n);
          expect(await balanceOf(token, address)).toBe(expectedHeld);
          expect(await totalHeld(token)).toBe(expectedHeld);
        },
      ),
      { numRuns: 30 },
    );
    // The payout words round-trip (what the property's lines were made of).
    const w = Wallet.createRandom().address;
    expect(unpackPayout(packPayout(w, 12345n))).toEqual({ recipient: w, amount: 12345n });
    expect(() => packPayout(w, 0n)).toThrow(RangeError);
    expect(() => packPayout(w, 1n << 96n)).toThrow(RangeError);
  }, 120_000);
});
