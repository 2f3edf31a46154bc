// Gas per recipient of StewardDistributor (V1) and StewardDistributorV2's settle, called directly by the operator on
// Anvil in one run: fresh recipients (balance 0 → non-zero) and funded ones, N = 1, 100, 500, with and without the
// EIP-2930 access list the node computes (src/chain/accessListFor.ts, as Steward sends). Then what V2's safety costs
// per line and per chunk (a linear fit over N = 100 and 500), what a held line costs, and the gas a USDC-style
// transfer to a new holder uses inside the loop against V2's per-line budget.
// Usage: npm run bench:distributor -- [N list, default 1,100,500]
import { AbiCoder, type Contract, ContractFactory, JsonRpcProvider, keccak256, MaxUint256, Wallet } from "ethers";
import { accessListFor } from "../src/chain/accessListFor.ts";
import { decodeLineHeld, decodeSettled, encodeSettle, LINE_GAS, packPayout } from "../src/chain/distributorV2.ts";
import { loadArtifact } from "../src/chain/loadArtifact.ts";
import { startAnvil } from "../src/chain/startAnvil.ts";

const SIZES = (process.argv[2] ?? "1,100,500").split(",").map(Number);
const CLAIM_PERIOD = 30n * 24n * 3600n;

const chain = await startAnvil();
const provider = new JsonRpcProvider(chain.rpcUrl, undefined, {
  cacheTimeout: -1,
  staticNetwork: true,
  pollingInterval: 20,
});
// Owner, operator and treasury: one account, as `steward chain deploy` makes them.
const treasury = new Wallet(chain.deployerKey, provider);
async function deploy(name: string, args: unknown[]): Promise<Contract> {
  const a = loadArtifact(name);
  const c = (await new ContractFactory(a.abi as never, a.bytecode, treasury).deploy(...args)) as Contract;
  await c.waitForDeployment();
  return c;
}
const token = await deploy("RewardToken", ["Bench", "BNCH", treasury.address, 10n ** 30n]);
const v1 = await deploy("StewardDistributor", [treasury.address, treasury.address, treasury.address]);
const v2 = await deploy("StewardDistributorV2", [treasury.address, treasury.address, treasury.address, CLAIM_PERIOD]);
for (const d of [v1, v2]) await (await token.getFunction("approve")(d.target, MaxUint256)).wait();

type Version = "V1" | "V2";
let batch = 0;
const nextBatchId = () =>
  keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [keccak256("0x0b"), batch++]));

async function settle(version: Version, lines: bigint[], withList: boolean, t: Contract = token) {
  const total = lines.reduce((s, w) => s + (w >> 160n), 0n);
  const batchId = nextBatchId();
  const data =
    version === "V1"
      ? v1.interface.encodeFunctionData("settle", [batchId, t.target, lines, total])
      : encodeSettle({ batchId, token: String(t.target), payouts: lines, total });
  const call = { from: treasury.address, to: String(version === "V1" ? v1.target : v2.target), data };
  const accessList = withList ? await accessListFor(provider, call) : undefined;
  const tx = await treasury.sendTransaction({ to: call.to, data, ...(accessList ? { accessList } : {}) });
  const receipt = await tx.wait();
  if (receipt?.status !== 1) throw new Error(`${version} settle failed`);
  return receipt;
}
const fresh = (n: number) => Array.from({ length: n }, () => Wallet.createRandom().address);
const lines = (recipients: string[]) => recipients.map((r) => packPayout(r, 1000n));

const out = (s: string) => process.stdout.write(s);
const pad = (v: string | number, n: number) => String(v).padStart(n);

out("settle gas per recipient (Anvil, one run; calling settle directly)\n");
out(
  `${pad("N", 5)} ${"kind".padEnd(7)} ${"list".padEnd(4)} ${pad("V1", 8)} ${pad("V2", 8)} ${pad("V2-V1", 6)} ${pad("V2/V1", 7)}\n`,
);
const measured = new Map<string, number>(); // `${version} ${kind} ${list} ${n}` → total gas
for (const n of SIZES) {
  for (const kind of ["fresh", "funded"] as const) {
    for (const withList of [true, false]) {
      const perLine: Record<Version, number> = { V1: 0, V2: 0 };
      for (const version of ["V1", "V2"] as const) {
        const recipients = fresh(n);
        if (kind === "funded") await settle("V1", lines(recipients), true);
        const receipt = await settle(version, lines(recipients), withList);
        if (version === "V2") {
          const settled = decodeSettled(receipt.logs, String(v2.target));
          if (settled?.heldCount !== 0n) throw new Error("a bench line was held");
        }
        measured.set(`${version} ${kind} ${withList} ${n}`, Number(receipt.gasUsed));
        perLine[version] = Number(receipt.gasUsed) / n;
      }
      out(
        `${pad(n, 5)} ${kind.padEnd(7)} ${(withList ? "yes" : "no").padEnd(4)} ${pad(perLine.V1.toFixed(0), 8)} ${pad(perLine.V2.toFixed(0), 8)} ${pad((perLine.V2 - perLine.V1).toFixed(0), 6)} ${pad((perLine.V2 / perLine.V1).toFixed(4), 7)}\n`,
      );
    }
  }
}

// gas(N) = perChunk + N × perLine, fitted on N = 100 and 500: the difference V2 − V1 is what the safety costs.
if (SIZES.includes(100) && SIZES.includes(500)) {
  out("\nlinear fit gas(N) = chunk + N × line over N = 100, 500 (V2 − V1 = the cost of V2's safety)\n");
  out(
    `${"kind".padEnd(7)} ${"list".padEnd(4)} ${pad("V1 line", 8)} ${pad("V2 line", 8)} ${pad("Δ line", 7)} ${pad("V1 chunk", 9)} ${pad("V2 chunk", 9)} ${pad("Δ chunk", 8)}\n`,
  );
  for (const kind of ["fresh", "funded"] as const) {
    for (const withList of [true, false]) {
      const lineFit = (v: Version) => {
        const a = measured.get(`${v} ${kind} ${withList} 100`) ?? 0;
        const b = measured.get(`${v} ${kind} ${withList} 500`) ?? 0;
        const line = (b - a) / 400;
        return { line, chunk: a - 100 * line };
      };
      const f1 = lineFit("V1");
      const f2 = lineFit("V2");
      out(
        `${kind.padEnd(7)} ${(withList ? "yes" : "no").padEnd(4)} ${pad(f1.line.toFixed(1), 8)} ${pad(f2.line.toFixed(1), 8)} ${pad((f2.line - f1.line).toFixed(1), 7)} ${pad(f1.chunk.toFixed(0), 9)} ${pad(f2.chunk.toFixed(0), 9)} ${pad((f2.chunk - f1.chunk).toFixed(0), 8)}\n`,
      );
    }
  }
}

// What a held line costs: 100 fresh lines of a token whose transfer misbehaves for one chosen recipient, against
// the same batch where it pays (each with fresh recipients).
const tricky = await deploy("TrickyToken", [treasury.address, 10n ** 30n]);
await (await tricky.getFunction("approve")(v2.target, MaxUint256)).wait();
// The token's first held line also pays totalHeld[token]'s 0 → non-zero write (~17k): done first, shown apart.
const MODES = {
  paid: 0,
  "reverts (the token's first)": 1,
  reverts: 1,
  "returns false": 2,
  "burns its gas": 3,
  "return-data bomb": 4,
} as const;
out("\nV2, 100 fresh lines of a test token, one of them failing (with access list)\n");
let paidGas = 0;
for (const [label, mode] of Object.entries(MODES)) {
  const recipients = fresh(100);
  const victim = recipients[50] as string;
  await (await tricky.getFunction("setModes")([victim], [mode])).wait();
  const receipt = await settle("V2", lines(recipients), true, tricky);
  const held = decodeLineHeld(receipt.logs, String(v2.target));
  if (held.length !== (mode === 0 ? 0 : 1)) throw new Error(`${label}: ${held.length} held`);
  const gas = Number(receipt.gasUsed);
  if (mode === 0) paidGas = gas;
  out(
    `  the line ${label.padEnd(28)} ${pad(gas, 9)} gas${mode === 0 ? "" : `  (+${gas - paidGas} for the held line)`}\n`,
  );
}

// A USDC-style transfer (proxy + blacklist checks) to a new holder, inside V2's loop: the first line pays every
// cold access (proxy slot, implementation, pause flag, both blacklist entries), the others find most of it warm.
const impl = await deploy("BlacklistToken", []);
const initData = impl.interface.encodeFunctionData("initialize", [treasury.address, treasury.address, 10n ** 30n]);
const proxy = await deploy("BlacklistTokenProxy", [impl.target, initData]);
const usdc = impl.attach(proxy.target) as Contract;
await (await usdc.getFunction("approve")(v2.target, MaxUint256)).wait();
const usdcReceipt = await settle("V2", lines(fresh(5)), false, usdc);
interface Frame {
  to?: string;
  input?: string;
  gasUsed?: string;
  calls?: Frame[];
}
const trace = (await provider.send("debug_traceTransaction", [usdcReceipt.hash, { tracer: "callTracer" }])) as Frame;
const transfers = (trace.calls ?? []).filter(
  (c) => c.to?.toLowerCase() === String(proxy.target).toLowerCase() && c.input?.startsWith("0xa9059cbb"),
);
const used = transfers.map((c) => Number(BigInt(c.gasUsed ?? "0")));
out(
  `\nUSDC-style proxy transfer to a new holder inside settle: first line ${used[0]} gas, then ${used.slice(1).join(", ")}; LINE_GAS ${LINE_GAS} = ${(Number(LINE_GAS) / Math.max(...used)).toFixed(1)}x the worst\n`,
);

provider.destroy();
await chain.stop();
