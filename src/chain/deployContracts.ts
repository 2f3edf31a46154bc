import { Contract, ContractFactory, MaxUint256, parseUnits, Wallet } from "ethers";
import { settlementProvider } from "./createSettlementChain.ts";
import { loadArtifact } from "./loadArtifact.ts";

export interface Deployed {
  chainId: number;
  token: string;
  distributor: string;
  treasury: string;
  /** The AuditAnchor contract the audit chain's head is published to. */
  anchor: string;
  /** The block the distributor was deployed in: log queries start there. */
  deploymentBlock: number;
  /** 2: StewardDistributorV2 (held lines, claims); 1: the first distributor (tests of deployments made before). */
  distributorVersion: 1 | 2;
}

/** The claim period of a distributor deployed without one given: 90 days. */
export const DEFAULT_CLAIM_PERIOD_S = 90 * 24 * 3600;

/**
 * Deploys the distributor (owner, operator and treasury: the given key's account; StewardDistributorV2 unless
 * version 1 is asked for) and, when no token is given, a RewardToken minting `supply` to the treasury; then the
 * treasury approves the distributor for the token. One transaction at a time from a plain wallet (a NonceManager
 * skips a nonce after a failed estimate).
 */
export async function deployContracts(options: {
  rpcUrl: string;
  key: string;
  token?: string | undefined;
  tokenSymbol: string;
  tokenDecimals: number;
  supply?: string;
  /** Seconds a held line stays its recipient's alone (V2). */
  claimPeriodSeconds?: number;
  distributorVersion?: 1 | 2;
}): Promise<Deployed> {
  const chainId = await probeChainId(options.rpcUrl);
  const provider = settlementProvider(options.rpcUrl, chainId, 100);
  try {
    const wallet = new Wallet(options.key, provider);
    const deploy = async (name: string, args: unknown[]) => {
      const a = loadArtifact(name);
      const c = (await new ContractFactory(a.abi as never, a.bytecode, wallet).deploy(...args)) as Contract;
      await c.waitForDeployment();
      return c;
    };
    let token = options.token;
    if (!token) {
      if (options.tokenDecimals !== 18)
        throw new Error("RewardToken has 18 decimals: set TOKEN_DECIMALS=18 or give TOKEN_ADDRESS");
      const supply = parseUnits(options.supply ?? "1000000000", options.tokenDecimals);
      token = await (
        await deploy("RewardToken", ["Steward Reward", options.tokenSymbol, wallet.address, supply])
      ).getAddress();
    }
    const version = options.distributorVersion ?? 2;
    const deployed =
      version === 2
        ? await deploy("StewardDistributorV2", [
            wallet.address,
            wallet.address,
            wallet.address,
            options.claimPeriodSeconds ?? DEFAULT_CLAIM_PERIOD_S,
          ])
        : await deploy("StewardDistributor", [wallet.address, wallet.address, wallet.address]);
    const distributor = await deployed.getAddress();
    const receipt = await deployed.deploymentTransaction()?.wait();
    const deploymentBlock = receipt?.blockNumber ?? (await provider.getBlockNumber());
    const anchor = await (await deploy("AuditAnchor", [])).getAddress();
    const erc20 = new Contract(token, ["function approve(address spender, uint256 amount) returns (bool)"], wallet);
    await (await erc20.getFunction("approve")(distributor, MaxUint256)).wait();
    return {
      chainId,
      token,
      distributor,
      treasury: wallet.address,
      anchor,
      deploymentBlock,
      distributorVersion: version,
    };
  } finally {
    provider.destroy();
  }
}

/** Deploys the AuditAnchor contract alone (a local chain whose contracts predate it). */
export async function deployAnchor(rpcUrl: string, key: string): Promise<string> {
  const chainId = await probeChainId(rpcUrl);
  const provider = settlementProvider(rpcUrl, chainId, 100);
  try {
    const a = loadArtifact("AuditAnchor");
    const wallet = new Wallet(key, provider);
    const c = (await new ContractFactory(a.abi as never, a.bytecode, wallet).deploy()) as Contract;
    await c.waitForDeployment();
    return c.getAddress();
  } finally {
    provider.destroy();
  }
}

/** eth_chainId over plain JSON-RPC (the RPC's own answer, to check CHAIN_ID against). */
export async function probeChainId(rpcUrl: string): Promise<number> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { result?: string };
  if (!body.result) throw new Error(`${rpcUrl} did not answer eth_chainId`);
  return Number.parseInt(body.result, 16);
}
