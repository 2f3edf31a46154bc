import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settlementProvider } from "../../src/chain/createSettlementChain.ts";

// A node that accepts the connection and never answers: what a hung RPC provider looks like from here.
let server: Server;
let url: string;
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  server.close();
});

describe("the settlement provider", () => {
  it("gives up on a node that does not answer within its bound, instead of ethers' 5 minutes", async () => {
    const provider = settlementProvider(url, 31337, 100, 800);
    const started = Date.now();
    await expect(provider.getBlockNumber()).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(5_000);
    provider.destroy();
  }, 15_000);
});
