import { MAX_CHUNK } from "./base/gasLimits.ts";
import { createAuditChain } from "./chain/createAuditChain.ts";
import { createSettlementChain } from "./chain/createSettlementChain.ts";
import { deployAnchor, deployContracts, probeChainId } from "./chain/deployContracts.ts";
import { openLocalChain } from "./chain/openLocalChain.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db/openDatabase.ts";
import type { Logger } from "./logger.ts";
import type { SettlementChain } from "./services/settlement/settlementChain.ts";
import type { SettlementDeps } from "./services/settlement/settlementDeps.ts";
import { crashTestCheckpoint } from "./testHooks/killAt.ts";

export interface ChainConnection {
  settlement: SettlementDeps;
  rpcUrl: string;
  local: boolean;
  stop(): Promise<void>;
}

/**
 * Connects settlement to its chain, or says why there is none:
 * - RPC_URL set: the configured chain (CHAIN_ID checked against the RPC, the distributor must have code);
 * - the sandbox without RPC_URL: Steward's own local chain, its contracts deployed on first run and found again;
 * - real Discord without RPC_URL: no settlement (payouts stop at approved).
 * A chain that lost the contracts the database paid through blocks settlement loudly instead of redeploying.
 */
export async function connectSettlement(
  config: Config,
  db: Db,
  logger: Logger,
  options: { sandbox: boolean; own: boolean },
): Promise<ChainConnection | null> {
  if (config.SETTLEMENT_MODE === "off") {
    logger.info({ component: "chain" }, "SETTLEMENT_MODE=off: approved payouts are not paid on-chain");
    return null;
  }
  const mode = config.SETTLEMENT_MODE === "safe-export" ? ("safe-export" as const) : ("send" as const);
  const base = {
    mode,
    chunkSize: config.SETTLEMENT_CHUNK_SIZE ?? MAX_CHUNK,
    confirmations: config.CONFIRMATIONS,
    feeBumpAfterBlocks: config.FEE_BUMP_AFTER,
    dailyCap: config.SETTLEMENT_DAILY_CAP,
    explorerTxUrl: config.EXPLORER_TX_URL,
    checkpoint: crashTestCheckpoint(),
  };
  if (config.RPC_URL) {
    const chainId = await probeChainId(config.RPC_URL);
    if (chainId !== config.CHAIN_ID) {
      throw new Error(`CHAIN_ID is ${config.CHAIN_ID} but ${config.RPC_URL} is chain ${chainId}: fix one of them`);
    }
    const chain = createSettlementChain({
      rpcUrl: config.RPC_URL,
      chainId,
      token: config.TOKEN_ADDRESS as string,
      distributor: config.DISTRIBUTOR_ADDRESS as string,
      ...(mode === "send" ? { treasuryKey: config.TREASURY_PRIVATE_KEY } : { treasuryAddress: config.SAFE_ADDRESS }),
      maxFeePerGas: config.MAX_FEE_GWEI === undefined ? undefined : BigInt(Math.round(config.MAX_FEE_GWEI * 1e9)),
      fromBlock: config.DEPLOYMENT_BLOCK,
    });
    const blocked = (await chain.hasContracts())
      ? null
      : `DISTRIBUTOR_ADDRESS ${config.DISTRIBUTOR_ADDRESS} has no contract on chain ${chainId}: deploy one with \`steward chain deploy\``;
    await remember(db, chain, false, config.ANCHOR_ADDRESS ?? null);
    const audit = createAuditChain({
      rpcUrl: config.RPC_URL,
      chainId,
      anchorContract: config.ANCHOR_ADDRESS ?? null,
      key: mode === "send" ? config.TREASURY_PRIVATE_KEY : undefined,
    });
    return {
      settlement: { ...base, chain, audit, receiptWaitMs: 120_000, savedBlock: () => Number.MAX_SAFE_INTEGER, blocked },
      rpcUrl: config.RPC_URL,
      local: false,
      async stop() {
        chain.destroy();
        audit.destroy();
      },
    };
  }
  if (!options.sandbox) {
    logger.warn({ component: "chain" }, "no RPC_URL: approved payouts are not paid on-chain until one is set");
    return null;
  }
  const local = await openLocalChain(config.STEWARD_DATA_DIR, {
    own: options.own,
    log: (line) => logger.info({ component: "chain" }, line),
  });
  try {
    const chainId = await probeChainId(local.rpcUrl);
    const { deployment, blocked } = await localContracts(config, db, logger, local.rpcUrl, local.deployerKey, chainId);
    const chain = createSettlementChain({
      rpcUrl: local.rpcUrl,
      chainId,
      token: deployment.token,
      distributor: deployment.distributor,
      treasuryKey: local.deployerKey,
      pollingMs: 100,
      fromBlock: deployment.deploymentBlock ?? 0,
    });
    const audit = createAuditChain({
      rpcUrl: local.rpcUrl,
      chainId,
      anchorContract: deployment.anchor,
      key: local.deployerKey,
      pollingMs: 100,
      receiptWaitMs: 10_000,
    });
    if (blocked) logger.error({ component: "chain" }, blocked);
    return {
      settlement: { ...base, chain, audit, receiptWaitMs: 10_000, savedBlock: local.savedBlock, blocked },
      rpcUrl: local.rpcUrl,
      local: true,
      async stop() {
        chain.destroy();
        audit.destroy();
        await local.stop();
      },
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}

async function localContracts(config: Config, db: Db, logger: Logger, rpcUrl: string, key: string, chainId: number) {
  const known = await db.chainDeployment.findUnique({ where: { chainId } });
  const probe = known
    ? createSettlementChain({ rpcUrl, chainId, token: known.token, distributor: known.distributor, treasuryKey: key })
    : null;
  const present = probe ? await probe.hasContracts() : false;
  probe?.destroy();
  if (known && present) {
    if (known.anchor) return { deployment: known, blocked: null };
    // Contracts deployed before the AuditAnchor existed: add it beside them.
    const anchor = await deployAnchor(rpcUrl, key);
    logger.info({ component: "chain", anchor }, "deployed the audit anchor contract on the local chain");
    return {
      deployment: await db.chainDeployment.update({ where: { chainId }, data: { anchor } }),
      blocked: null,
    };
  }
  if (known) {
    const paid = await db.payoutIntent.count({ where: { chainId, status: { not: "failed" } } });
    if (paid > 0) {
      return {
        deployment: known,
        blocked: `THE LOCAL CHAIN LOST ITS STATE: distributor ${known.distributor} is gone, but the database remembers ${paid} payout(s) made through it. Nothing is settled until the chain's state (${config.STEWARD_DATA_DIR}/chain/state.json) is restored; redeploying would hide what was paid.`,
      };
    }
    logger.warn(
      { component: "chain" },
      "the local chain lost its contracts before anything was paid: deploying them again",
    );
  }
  const d = await deployContracts({
    rpcUrl,
    key,
    tokenSymbol: config.TOKEN_SYMBOL,
    tokenDecimals: config.TOKEN_DECIMALS,
    claimPeriodSeconds: Math.max(1, Math.round(config.CLAIM_PERIOD / 1000)),
  });
  const row = {
    token: d.token,
    distributor: d.distributor,
    treasury: d.treasury,
    anchor: d.anchor,
    local: true,
    deploymentBlock: d.deploymentBlock,
  };
  const deployment = await db.chainDeployment.upsert({
    where: { chainId },
    create: { chainId, ...row },
    update: row,
  });
  logger.info({ component: "chain", ...row }, "deployed the reward token and the distributor on the local chain");
  return { deployment, blocked: null };
}

async function remember(db: Db, chain: SettlementChain, local: boolean, anchor: string | null) {
  const row = { token: chain.token, distributor: chain.distributor, treasury: chain.treasury, anchor, local };
  await db.chainDeployment.upsert({
    where: { chainId: chain.chainId },
    create: { chainId: chain.chainId, ...row },
    update: row,
  });
}
