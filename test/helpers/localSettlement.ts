import { ContractFactory, JsonRpcProvider, parseUnits, Wallet } from "ethers";
import { createAuditChain } from "../../src/chain/createAuditChain.ts";
import { createSettlementChain } from "../../src/chain/createSettlementChain.ts";
import { type Deployed, deployContracts } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import type { SettlementDeps } from "../../src/services/settlement/settlementDeps.ts";

/** The treasury's settlement chain on a test's Anvil (polling fast); `extra` adds settings such as a fee cap. */
export function localSettlementChain(
  chain: LocalChain,
  deployed: Deployed,
  extra: Partial<Parameters<typeof createSettlementChain>[0]> = {},
) {
  return createSettlementChain({
    rpcUrl: chain.rpcUrl,
    chainId: 31337,
    token: deployed.token,
    distributor: deployed.distributor,
    treasuryKey: chain.deployerKey,
    pollingMs: 50,
    ...extra,
  });
}

/** Settlement in `send` mode against the contracts deployed on a test's Anvil, with the treasury's key; overrides on top. */
export function localSettlement(
  chain: LocalChain,
  deployed: Deployed,
  overrides: Partial<Omit<SettlementDeps, "chain" | "audit">> = {},
): SettlementDeps & { chain: ReturnType<typeof createSettlementChain>; audit: ReturnType<typeof createAuditChain> } {
  return {
    chain: localSettlementChain(chain, deployed),
    audit: createAuditChain({
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      anchorContract: deployed.anchor,
      key: chain.deployerKey,
      pollingMs: 50,
      receiptWaitMs: 10_000,
    }),
    mode: "send",
    chunkSize: 10,
    confirmations: 1,
    receiptWaitMs: 10_000,
    savedBlock: () => Number.MAX_SAFE_INTEGER,
    feeBumpAfterBlocks: 20,
    checkpoint: () => {},
    blocked: null,
    ...overrides,
  };
}

/**
 * A fresh Anvil with Steward's contracts deployed from its first account (the treasury): token STEW, 18 decimals.
 * `tricky`: the token is a TrickyToken (its `setModes` makes chosen recipients' transfers fail).
 */
export async function anvilWithContracts(
  options: { tricky?: boolean } = {},
): Promise<{ chain: LocalChain; deployed: Deployed }> {
  const chain = await startAnvil();
  let token: string | undefined;
  if (options.tricky) {
    const a = loadArtifact("TrickyToken");
    const treasury = new Wallet(chain.deployerKey, new JsonRpcProvider(chain.rpcUrl, 31337, { staticNetwork: true }));
    const contract = await new ContractFactory(a.abi as never, a.bytecode, treasury).deploy(
      treasury.address,
      parseUnits("1000000000", 18),
    );
    await contract.waitForDeployment();
    token = await contract.getAddress();
    treasury.provider?.destroy();
  }
  const deployed = await deployContracts({
    rpcUrl: chain.rpcUrl,
    key: chain.deployerKey,
    ...(token ? { token } : {}),
    tokenSymbol: "STEW",
    tokenDecimals: 18,
  });
  return { chain, deployed };
}
