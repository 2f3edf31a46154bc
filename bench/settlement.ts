// Gas per recipient of StewardDistributor.settle against N plain ERC-20 transfers, measured from receipts on Anvil
// in one run, for fresh recipients (balance 0 → non-zero) and funded ones (already holding tokens).
// Usage: npm run bench:settlement -- [N list, default 1,10,100,500,1000]
import { AbiCoder, Contract, JsonRpcProvider, keccak256, Wallet } from "ethers";
import { MAX_CHUNK } from "../src/base/gasLimits.ts";
import { accessListFor } from "../src/chain/accessListFor.ts";
import { createAuditChain } from "../src/chain/createAuditChain.ts";
import { createSettlementChain } from "../src/chain/createSettlementChain.ts";
import { deployContracts } from "../src/chain/deployContracts.ts";
import { loadArtifact } from "../src/chain/loadArtifact.ts";
import { startAnvil } from "../src/chain/startAnvil.ts";
import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { settlePayouts } from "../src/services/settlement/settlePayouts.ts";
import { approvedPayout } from "../test/helpers/approvedPayout.ts";
import { serviceDeps } from "../test/helpers/serviceDeps.ts";

const SIZES = (process.argv[2] ?? "1,10,100,500,1000").split(",").map(Number);
// The floor per recipient: a cold zero→non-zero balance write (22,100) or a cold non-zero write (5,000), the
// Transfer log (~1,756), one 32-byte calldata word (~512): what any batch sender must pay.
const FLOOR = { fresh: 22_100 + 1_756 + 512, funded: 5_000 + 1_756 + 512 };

const chain = await startAnvil();
const provider = new JsonRpcProvider(chain.rpcUrl, undefined, {
  cacheTimeout: -1,
  staticNetwork: true,
  pollingInterval: 20,
});
const treasury = new Wallet(chain.deployerKey, provider);
// The same deployment as `steward chain deploy`: distributor, reward token, allowance.
const deployed = await deployContracts({
  rpcUrl: chain.rpcUrl,
  key: chain.deployerKey,
  tokenSymbol: "BNCH",
  tokenDecimals: 18,
});
const token = new Contract(deployed.token, loadArtifact("RewardToken").abi as never, treasury);
const distributor = new Contract(deployed.distributor, loadArtifact("StewardDistributor").abi as never, treasury);

let batch = 0;
async function viaDistributor(recipients: string[]): Promise<bigint> {
  const id = keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [keccak256("0x01"), batch++]));
  const payouts = recipients.map((r) => (1000n << 160n) | BigInt(r));
  const data = distributor.interface.encodeFunctionData("settle", [
    id,
    token.target,
    payouts,
    1000n * BigInt(recipients.length),
  ]);
  // As Steward sends it: with the access list the node computes (see accessListFor).
  const call = { from: treasury.address, to: String(distributor.target), data };
  const tx = await treasury.sendTransaction({ ...call, accessList: await accessListFor(provider, call) });
  return (await tx.wait())?.gasUsed ?? 0n;
}
async function viaTransfers(recipients: string[]): Promise<bigint> {
  let gas = 0n;
  for (const r of recipients) gas += (await (await token.getFunction("transfer")(r, 1000n)).wait()).gasUsed as bigint;
  return gas;
}
const fresh = (n: number) => Array.from({ length: n }, () => Wallet.createRandom().address);

process.stdout.write("settlement gas per recipient (Anvil, one run)\n");
process.stdout.write(
  `${"N".padStart(5)} ${"kind".padEnd(7)} ${"distributor".padStart(12)} ${"transfers".padStart(10)} ${"ratio".padStart(6)} ${"vs floor".padStart(9)}\n`,
);
const perTransfer: Partial<Record<"fresh" | "funded", number>> = {};
for (const n of SIZES) {
  for (const kind of ["fresh", "funded"] as const) {
    const a = fresh(n);
    const b = fresh(n);
    if (kind === "funded") {
      await viaDistributor(a);
      await viaDistributor(b);
    }
    const d = Number(await viaDistributor(a)) / n;
    // A plain transfer costs the same whatever N: above 100 the 100-transfer figure stands in (saves minutes).
    const t = n <= 100 ? Number(await viaTransfers(b)) / n : (perTransfer[kind] ?? Number.NaN);
    perTransfer[kind] = t;
    process.stdout.write(
      `${String(n).padStart(5)} ${kind.padEnd(7)} ${d.toFixed(0).padStart(12)} ${(Number.isNaN(t) ? "-" : t.toFixed(0)).padStart(10)} ${(Number.isNaN(t) ? "-" : (d / t).toFixed(2)).padStart(6)} ${(d / FLOOR[kind]).toFixed(2).padStart(9)}\n`,
    );
  }
}

// End to end: 1,000 fresh recipients through the settle service (claim, plan chunks, preflight, sign, send, mine,
// confirm, audit every step) on a scratch managed PostgreSQL, chunks as the gas cap sizes them.
const E2E = Number(process.env.BENCH_E2E_RECIPIENTS ?? 1000);
const database = await openScratchDatabase();
const deps = serviceDeps(database);
const settlementChain = createSettlementChain({
  rpcUrl: chain.rpcUrl,
  chainId: 31337,
  token: String(token.target),
  distributor: String(distributor.target),
  treasuryKey: chain.deployerKey,
  pollingMs: 20,
});
deps.settlement = {
  chain: settlementChain,
  audit: createAuditChain({ rpcUrl: chain.rpcUrl, chainId: 31337, anchorContract: null, key: chain.deployerKey }),
  mode: "send",
  feeBumpAfterBlocks: 0,
  chunkSize: MAX_CHUNK,
  confirmations: 1,
  savedBlock: () => Number.MAX_SAFE_INTEGER,
  receiptWaitMs: 60_000,
  checkpoint: () => {},
  blocked: null,
};
const lines = fresh(E2E).map((recipient, i) => ({ recipient, amount: String(1000 + i), refs: [`bench:${i}`] }));
await approvedPayout(deps.db, lines);
const started = performance.now();
const report = await settlePayouts(deps);
const seconds = (performance.now() - started) / 1000;
const intents = await deps.db.payoutIntent.findMany({ select: { gasUsed: true } });
const gas = intents.reduce((n, i) => n + BigInt(i.gasUsed ?? "0"), 0n);
process.stdout.write(
  `\nend to end: ${E2E} recipients settled in ${seconds.toFixed(1)} s (${report.confirmed.length} transaction(s) of at most ${MAX_CHUNK} lines, ${(Number(gas) / E2E).toFixed(0)} gas per recipient), proposal ${report.settled.length === 1 ? "settled" : "NOT settled"}\n`,
);
settlementChain.destroy();
await database.close();
provider.destroy();
await chain.stop();
