import { getAddress, Interface, Wallet, zeroPadValue } from "ethers";
import type { AuditChain, SettlementEvidence } from "../services/audit/auditChainRecords.ts";
import { settlementProvider } from "./createSettlementChain.ts";
import { decodeLineHeld, decodeSettled } from "./distributorV2.ts";
import { loadArtifact } from "./loadArtifact.ts";

const ANCHOR = new Interface(loadArtifact("AuditAnchor").abi as never);
const DISTRIBUTOR = new Interface(loadArtifact("StewardDistributor").abi as never);
const ERC20 = new Interface(["event Transfer(address indexed from, address indexed to, uint256 value)"]);

/** The audit's view of a chain over JSON-RPC: the AuditAnchor contract and settle transactions' logs. */
export function createAuditChain(settings: {
  rpcUrl: string;
  chainId: number;
  anchorContract: string | null;
  /** The treasury's key: anchors are sent from it (after settlement's transactions, under the same lock). */
  key?: string | undefined;
  pollingMs?: number;
  receiptWaitMs?: number;
}): AuditChain & { destroy(): void } {
  const provider = settlementProvider(settings.rpcUrl, settings.chainId, settings.pollingMs);
  const wallet = settings.key ? new Wallet(settings.key, provider) : null;
  const anchored = ANCHOR.getEvent("Anchored");
  const settledV1 = DISTRIBUTOR.getEvent("Settled");
  const transferEvent = ERC20.getEvent("Transfer");
  if (!anchored || !settledV1 || !transferEvent) throw new Error("contract artifacts lack their events");
  return {
    chainId: settings.chainId,
    anchorContract: settings.anchorContract,
    publisher: wallet?.address ?? null,
    async publish(sequence, head) {
      if (!wallet) throw new Error("no key to anchor with (the treasury is a Safe)");
      if (!settings.anchorContract) throw new Error("no AuditAnchor contract on this chain");
      const tx = await wallet.sendTransaction({
        to: settings.anchorContract,
        data: ANCHOR.encodeFunctionData("anchor", [sequence, `0x${head}`]),
      });
      const receipt = await tx.wait(1, settings.receiptWaitMs ?? 120_000);
      if (receipt?.status !== 1) throw new Error(`the anchor transaction ${tx.hash} failed`);
      return { txHash: tx.hash, blockNumber: receipt.blockNumber };
    },
    async anchors(by) {
      if (!settings.anchorContract) return [];
      const logs = await provider.getLogs({
        address: settings.anchorContract,
        topics: [anchored.topicHash, zeroPadValue(getAddress(by), 32)],
        fromBlock: 0,
        toBlock: "latest",
      });
      return logs.map((log) => {
        const parsed = ANCHOR.parseLog(log);
        return {
          by: getAddress(String(parsed?.args[0])),
          sequence: BigInt(parsed?.args[1] ?? -1),
          head: String(parsed?.args[2]).slice(2),
          txHash: log.transactionHash,
          blockNumber: log.blockNumber,
        };
      });
    },
    async settlementEvidence(txHash, distributor, token) {
      const receipt = await provider.getTransactionReceipt(txHash);
      if (!receipt) return null;
      const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
      // Logs in order: a chunk's transfers (and held lines) come before its Settled event, so each Settled owns
      // what lies between the previous one and itself (one Safe transaction may settle several chunks).
      const settled: SettlementEvidence["settled"] = [];
      let transfers: { to: string; amount: bigint }[] = [];
      let held: { index: number; recipient: string; amount: bigint }[] = [];
      for (const log of receipt.logs) {
        if (same(log.address, token) && log.topics[0] === transferEvent.topicHash) {
          const p = ERC20.parseLog(log);
          if (p && same(String(p.args[0]), distributor)) {
            transfers.push({ to: getAddress(String(p.args[1])), amount: BigInt(p.args[2] ?? 0) });
          }
          continue;
        }
        if (!same(log.address, distributor)) continue;
        const [h] = decodeLineHeld([log], distributor);
        if (h) {
          held.push({ index: Number(h.index), recipient: h.recipient, amount: h.amount });
          continue;
        }
        const v2 = decodeSettled([log], distributor);
        const v1 = !v2 && log.topics[0] === settledV1.topicHash ? DISTRIBUTOR.parseLog(log) : null;
        if (!v2 && !v1) continue;
        settled.push({
          batchId: v2?.batchId ?? String(v1?.args[0]),
          token: getAddress(v2?.token ?? String(v1?.args[1])),
          count: v2?.count ?? BigInt(v1?.args[2] ?? 0),
          total: v2?.total ?? BigInt(v1?.args[3] ?? 0),
          linesHash: v2?.linesHash ?? null,
          transfers,
          held,
        });
        transfers = [];
        held = [];
      }
      return { success: receipt.status === 1, blockNumber: receipt.blockNumber, settled, transfers };
    },
    destroy: () => provider.destroy(),
  };
}
