import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AbiCoder, type Contract, ContractFactory, JsonRpcProvider, keccak256, parseUnits, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileContracts } from "../../src/chain/compileContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";

// Anvil's second and third default accounts: local test keys only.
const OTHER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const THIRD_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

describe("committed contract artifacts", () => {
  it("are exactly what a fresh compile of contracts/ produces", () => {
    for (const fresh of compileContracts()) {
      const committed = JSON.parse(
        readFileSync(join("contracts", "out", `${fresh.contractName}.json`), "utf8"),
      ) as typeof fresh;
      expect(committed, `${fresh.contractName}: run npx tsx scripts/compile-contracts.ts and commit`).toEqual(fresh);
    }
  }, 60_000);
});

const pack = (to: string, amount: bigint) => (amount << 160n) | BigInt(to);
const batchId = (hash: string, chunk: number) =>
  keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [hash, chunk]));

describe("StewardDistributor on a real EVM (Anvil)", () => {
  let chain: LocalChain;
  let provider: JsonRpcProvider;
  let operator: Wallet;
  let stranger: Wallet;
  let distributor: Contract;
  let token: Contract;
  let treasury: string;

  async function deploy(name: string, args: unknown[], signer = operator) {
    const a = loadArtifact(name);
    const c = (await new ContractFactory(a.abi as never, a.bytecode, signer).deploy(...args)) as Contract;
    await c.waitForDeployment();
    return c;
  }

  beforeAll(async () => {
    chain = await startAnvil();
    provider = new JsonRpcProvider(chain.rpcUrl, undefined, {
      cacheTimeout: -1,
      staticNetwork: true,
      pollingInterval: 50,
    });
    const wallet = new Wallet(chain.deployerKey, provider);
    // A plain wallet, one transaction at a time: a NonceManager skips a nonce after a failed estimate.
    operator = wallet;
    treasury = wallet.address;
    stranger = new Wallet(OTHER_KEY, provider);
    token = await deploy("RewardToken", ["Steward Reward", "STEW", treasury, parseUnits("1000000", 18)]);
    distributor = await deploy("StewardDistributor", [treasury, treasury, treasury]);
    await (await token.getFunction("approve")(await distributor.getAddress(), parseUnits("1000", 18))).wait();
  }, 60_000);
  afterAll(async () => {
    provider?.destroy();
    await chain?.stop();
  });

  const settle = (id: string, payouts: bigint[], total: bigint, t = token) =>
    distributor.getFunction("settle")(id, t.target, payouts, total);
  // Reverts are checked with staticCall: ethers decodes custom errors there (a send's estimate only says "reverted").
  const preflight = (id: string, payouts: bigint[], total: bigint, t = token, c = distributor) =>
    c.getFunction("settle").staticCall(id, t.target, payouts, total);
  const recipients = () => Array.from({ length: 3 }, () => Wallet.createRandom().address);

  it("pays every recipient once, emits Settled, and refuses the same batch id again", async () => {
    const [a, b, c] = recipients() as [string, string, string];
    const id = batchId(`0x${"ab".repeat(32)}`, 0);
    const payouts = [pack(a, 5n), pack(b, 7n), pack(c, 11n)];
    const receipt = await (await settle(id, payouts, 23n)).wait();
    const event = receipt.logs
      .map((l: { topics: string[]; data: string }) => distributor.interface.parseLog(l))
      .find((e: { name: string } | null) => e?.name === "Settled");
    expect(event?.args.toArray()).toEqual([id, token.target, 3n, 23n]);
    for (const [who, amount] of [
      [a, 5n],
      [b, 7n],
      [c, 11n],
    ] as const) {
      expect(await token.getFunction("balanceOf")(who)).toBe(amount);
    }
    expect(await distributor.getFunction("settled")(id)).toBe(true);
    await expect(preflight(id, payouts, 23n)).rejects.toMatchObject({ revert: { name: "AlreadySettled", args: [id] } });
    // Nothing stays in the distributor.
    expect(await token.getFunction("balanceOf")(distributor.target)).toBe(0n);
  });

  it("refuses anyone but the operator, and lets only the owner change the operator", async () => {
    const id = batchId(`0x${"cd".repeat(32)}`, 0);
    const asStranger = distributor.connect(stranger) as Contract;
    await expect(preflight(id, [pack(stranger.address, 1n)], 1n, token, asStranger)).rejects.toMatchObject({
      revert: { name: "NotOperator", args: [stranger.address] },
    });
    await expect(asStranger.getFunction("setOperator").staticCall(stranger.address)).rejects.toMatchObject({
      revert: { name: "OwnableUnauthorizedAccount" },
    });
  });

  it("names what is wrong: empty batch, zero address, zero amount, a total that does not add up", async () => {
    const [a] = recipients() as [string];
    const id = (n: number) => batchId(`0x${"ef".repeat(32)}`, n);
    await expect(preflight(id(1), [], 0n)).rejects.toMatchObject({ revert: { name: "EmptyBatch" } });
    await expect(preflight(id(2), [pack(a, 1n), 5n << 160n], 6n)).rejects.toMatchObject({
      revert: { name: "ZeroAddress", args: [1n] },
    });
    await expect(preflight(id(3), [pack(a, 0n)], 0n)).rejects.toMatchObject({
      revert: { name: "ZeroAmount", args: [0n] },
    });
    await expect(preflight(id(4), [pack(a, 2n)], 3n)).rejects.toMatchObject({
      revert: { name: "TotalMismatch", args: [3n, 2n] },
    });
    // A reverted call leaves the batch unsettled: it can be paid once it is right.
    expect(await distributor.getFunction("settled")(id(4))).toBe(false);
  });

  it("fails without enough allowance or balance in the treasury, paying nobody", async () => {
    const [a] = recipients() as [string];
    const tooMuch = parseUnits("5000", 18);
    // The token's own errors: decoded with the token's ABI.
    const tokenError = (e: { data?: string }) => token.interface.parseError(e.data ?? "0x")?.name;
    expect(await preflight(batchId(`0x${"11".repeat(32)}`, 0), [pack(a, tooMuch)], tooMuch).catch(tokenError)).toBe(
      "ERC20InsufficientAllowance",
    );
    const poor = new Wallet(THIRD_KEY, provider);
    const poorDistributor = await deploy("StewardDistributor", [treasury, treasury, poor.address]);
    await (await (token.connect(poor) as Contract).getFunction("approve")(poorDistributor.target, 10n)).wait();
    expect(
      await preflight(batchId(`0x${"22".repeat(32)}`, 0), [pack(a, 10n)], 10n, token, poorDistributor).catch(
        tokenError,
      ),
    ).toBe("ERC20InsufficientBalance");
    expect(await token.getFunction("balanceOf")(a)).toBe(0n);
  });

  it("refuses a token whose transfer returns false, paying nobody", async () => {
    const falsy = await deploy("FalseToken", [treasury, 1_000_000n]);
    await (await falsy.getFunction("approve")(distributor.target, 1_000n)).wait();
    const [a] = recipients() as [string];
    const id = batchId(`0x${"44".repeat(32)}`, 0);
    const call = distributor.getFunction("settle").staticCall(id, falsy.target, [pack(a, 100n)], 100n);
    await expect(call).rejects.toMatchObject({ revert: { name: "SafeERC20FailedOperation", args: [falsy.target] } });
    expect(await distributor.getFunction("settled")(id)).toBe(false);
  });

  it("pays in a USDT-style token that returns no bool", async () => {
    const usdt = await deploy("NoReturnToken", [treasury, 1_000_000n]);
    await (await usdt.getFunction("approve")(distributor.target, 1_000n)).wait();
    const [a, b] = recipients() as [string, string];
    await (await settle(batchId(`0x${"33".repeat(32)}`, 0), [pack(a, 100n), pack(b, 200n)], 300n, usdt)).wait();
    expect(await usdt.getFunction("balanceOf")(a)).toBe(100n);
    expect(await usdt.getFunction("balanceOf")(b)).toBe(200n);
  });
});
