import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AbiCoder, getAddress, Interface, keccak256, Transaction, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessListFor } from "../../src/chain/accessListFor.ts";
import { createSettlementChain, settlementProvider } from "../../src/chain/createSettlementChain.ts";
import { deployContracts } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";

let chain: LocalChain;
let deployed: { token: string; distributor: string };
beforeAll(async () => {
  chain = await startAnvil();
  deployed = await deployContracts({
    rpcUrl: chain.rpcUrl,
    key: chain.deployerKey,
    tokenSymbol: "AL",
    tokenDecimals: 18,
  });
}, 60_000);
afterAll(() => chain?.stop());

const call = (seed: number, n: number) => {
  const recipients = Array.from({ length: n }, () => Wallet.createRandom().address);
  return {
    batchId: keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [keccak256("0x0a"), seed])),
    payouts: recipients.map((r) => (1000n << 160n) | BigInt(r)),
    total: 1000n * BigInt(n),
    recipients,
  };
};

describe("settle transactions carry the node's access list", () => {
  it("lists the token's balance slots but not the warm sender and distributor, and costs less than without", async () => {
    const settlement = createSettlementChain({
      ...deployed,
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      treasuryKey: chain.deployerKey,
      pollingMs: 20,
    });
    const provider = settlementProvider(chain.rpcUrl, 31337, 20);
    try {
      const n = 40;
      const withList = call(1, n);
      const nonce = await provider.getTransactionCount(settlement.treasury, "pending");
      const signed = await settlement.sign(withList, nonce);
      const list = Transaction.from(signed.raw).accessList ?? [];
      const listed = new Map(list.map((e) => [getAddress(e.address), e.storageKeys.length]));
      // Every recipient's balance slot, plus the treasury's and the distributor's balances and the allowance.
      expect(listed.get(getAddress(deployed.token))).toBeGreaterThanOrEqual(n);
      expect(listed.has(getAddress(deployed.distributor))).toBe(false);
      expect(listed.has(getAddress(settlement.treasury))).toBe(false);
      await settlement.broadcast(signed.raw);
      const a = await (await provider.getTransaction(signed.hash))?.wait();

      // The same call for as many other fresh recipients, without a list.
      const without = call(2, n);
      const wallet = new Wallet(chain.deployerKey, provider);
      const iface = new Interface(loadArtifact("StewardDistributor").abi as never);
      const tx = await wallet.sendTransaction({
        to: deployed.distributor,
        data: iface.encodeFunctionData("settle", [without.batchId, deployed.token, without.payouts, without.total]),
        accessList: [],
      });
      const b = await tx.wait();
      expect(a?.status).toBe(1);
      expect(b?.status).toBe(1);
      // 100 gas per cold slot and 200 for the token contract, less nothing for the sender and distributor.
      const saved = Number((b?.gasUsed ?? 0n) - (a?.gasUsed ?? 0n));
      expect(saved).toBeGreaterThanOrEqual(100 * n);
    } finally {
      settlement.destroy();
      provider.destroy();
    }
  });

  it("signs without a list when the node does not offer eth_createAccessList", async () => {
    // A JSON-RPC endpoint that knows no such method, as some providers answer.
    const server: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c.toString();
      });
      req.on("end", () => {
        const { id } = JSON.parse(body) as { id: number };
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            jsonrpc: "2.0",
            id,
            error: { code: -32601, message: "the method eth_createAccessList does not exist" },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const provider = settlementProvider(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 31337, 20);
    try {
      const list = await accessListFor(provider, { from: deployed.distributor, to: deployed.token, data: "0x" });
      expect(list).toBeUndefined();
    } finally {
      provider.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
