// Gas per recipient of StewardDistributor.settle against N plain ERC-20 transfers, measured from receipts on Anvil
// in one run, for fresh recipients (balance 0 → non-zero) and funded ones (already holding tokens).
// Usage: npm run bench:settlement -- [N list, default 1,10,100,500,1000]
import { AbiCoder, type Contract, ContractFactory, JsonRpcProvider, keccak256, parseUnits, Wallet } from "ethers";
import { loadArtifact } from "../src/chain/loadArtifact.ts";
import { startAnvil } from "../src/chain/startAnvil.ts";

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
const deploy = async (name: string, args: unknown[]) => {
  const a = loadArtifact(name);
  const c = (await new ContractFactory(a.abi as never, a.bytecode, treasury).deploy(...args)) as Contract;
  await c.waitForDeployment();
  return c;
};
const token = await deploy("RewardToken", ["Bench", "BNCH", treasury.address, parseUnits("1000000000", 18)]);
const distributor = await deploy("StewardDistributor", [treasury.address, treasury.address, treasury.address]);
await (await token.getFunction("approve")(distributor.target, 2n ** 255n)).wait();

let batch = 0;
async function viaDistributor(recipients: string[]): Promise<bigint> {
  const id = keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [keccak256("0x01"), batch++]));
  const payouts = recipients.map((r) => (1000n << 160n) | BigInt(r));
  const tx = await distributor.getFunction("settle")(id, token.target, payouts, 1000n * BigInt(recipients.length));
  return (await tx.wait()).gasUsed as bigint;
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
for (const n of SIZES) {
  for (const kind of ["fresh", "funded"] as const) {
    const a = fresh(n);
    const b = fresh(n);
    if (kind === "funded") {
      await viaDistributor(a);
      await viaDistributor(b);
    }
    const d = Number(await viaDistributor(a)) / n;
    const t = n <= 100 ? Number(await viaTransfers(b)) / n : Number.NaN;
    process.stdout.write(
      `${String(n).padStart(5)} ${kind.padEnd(7)} ${d.toFixed(0).padStart(12)} ${(Number.isNaN(t) ? "-" : t.toFixed(0)).padStart(10)} ${(Number.isNaN(t) ? "-" : (d / t).toFixed(2)).padStart(6)} ${(d / FLOOR[kind]).toFixed(2).padStart(9)}\n`,
    );
  }
}
provider.destroy();
await chain.stop();
