import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erc20Balances } from "../../src/chain/erc20Balances.ts";

// An RPC endpoint that takes every request and never answers (a node stuck behind a load balancer).
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("token balances for weighted votes", () => {
  it("give up on an RPC node that does not answer, within their bound, instead of holding the vote for minutes", async () => {
    const balances = erc20Balances(url, "0x0000000000000000000000000000000000000001", 300);
    const started = Date.now();
    await expect(balances.blockNumber()).rejects.toThrow();
    await expect(balances.balanceAt("0x0000000000000000000000000000000000000002", 1)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 10_000);
});
