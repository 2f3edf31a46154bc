import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { secretValues } from "../src/logger.ts";
import { readyLines } from "../src/readyLines.ts";

const KEY = "0123456789abcdef0123456789abcdef";
const RPC_URL = `https://eth-mainnet.g.alchemy.com/v2/${KEY}`;
const secrets = secretValues(loadConfig({ RPC_URL, SETTLEMENT_MODE: "off" }));
const token = `0x${"11".repeat(20)}`;
const distributor = `0x${"22".repeat(20)}`;

describe("the lines `steward start` prints", () => {
  it("show the chain by scheme and host: never an RPC provider's key", () => {
    const lines = readyLines(
      { chain: { rpcUrl: RPC_URL, token, distributor, blocked: null }, http: { url: "http://127.0.0.1:3000" } },
      secrets,
    );
    expect(lines).toEqual([
      `chain ready: https://eth-mainnet.g.alchemy.com token=${token} distributor=${distributor}`,
      "http ready: http://127.0.0.1:3000",
    ]);
    const blocked = readyLines(
      {
        chain: { rpcUrl: RPC_URL, token, distributor, blocked: `DISTRIBUTOR_ADDRESS has no contract at ${RPC_URL}` },
        http: { url: "http://127.0.0.1:3000" },
      },
      secrets,
    );
    expect(blocked[0]).toBe("chain blocked: DISTRIBUTOR_ADDRESS has no contract at https://eth-mainnet.g.alchemy.com");
    expect(blocked.join("\n")).not.toContain(KEY);
  });

  it("keep the local chain's address as it is", () => {
    const [line] = readyLines(
      {
        chain: { rpcUrl: "http://127.0.0.1:8545", token, distributor, blocked: null },
        http: { url: "http://127.0.0.1:3000" },
      },
      [],
    );
    expect(line).toBe(`chain ready: http://127.0.0.1:8545 token=${token} distributor=${distributor}`);
  });
});
