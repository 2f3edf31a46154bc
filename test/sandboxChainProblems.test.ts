import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { isLocalUrl, sandboxChainProblems } from "../src/sandboxChainProblems.ts";
import { startSteward } from "../src/startSteward.ts";
import { testConfig } from "./helpers/testConfig.ts";

const KEY = `0x${"ab".repeat(32)}`;

describe("the sandbox on a real chain", () => {
  it("refuses to start with a remote RPC_URL or any treasury key, saying why and how to mean it", async () => {
    const config = testConfig({
      RPC_URL: "https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef",
      TREASURY_PRIVATE_KEY: KEY,
    });
    const start = startSteward(config, createLogger({ level: "silent" }), { sandboxState: "memory" });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    const error = (await start.catch((e: unknown) => e)) as ConfigError;
    expect(error.problems).toEqual([
      "RPC_URL: points at https://mainnet.infura.io, not at this machine, and the sandbox (no DISCORD_TOKEN) lets anyone who reaches it create moderators and approve payouts. Unset it for the sandbox's own local chain, set DISCORD_TOKEN for real Discord, or set SANDBOX_REAL_CHAIN=1 if you mean to run the sandbox against it",
      "TREASURY_PRIVATE_KEY: is set, and the sandbox (no DISCORD_TOKEN) lets anyone who reaches it create moderators and approve payouts. Unset it for the sandbox's own local chain, set DISCORD_TOKEN for real Discord, or set SANDBOX_REAL_CHAIN=1 if you mean to run the sandbox against it",
    ]);
    expect(error.message).not.toContain("0123456789abcdef");
    expect(error.message).not.toContain(KEY.slice(2));
  });

  it("allows a chain on this machine, real Discord, or SANDBOX_REAL_CHAIN=1", () => {
    expect(sandboxChainProblems(testConfig({ RPC_URL: "http://127.0.0.1:8545" }))).toEqual([]);
    expect(sandboxChainProblems(testConfig({ RPC_URL: "http://localhost:8545" }))).toEqual([]);
    expect(sandboxChainProblems(testConfig({ RPC_URL: "http://[::1]:8545" }))).toEqual([]);
    expect(
      sandboxChainProblems(
        testConfig({ RPC_URL: "https://rpc.example", TREASURY_PRIVATE_KEY: KEY, SANDBOX_REAL_CHAIN: "1" }),
      ),
    ).toEqual([]);
    expect(
      sandboxChainProblems(testConfig({ RPC_URL: "https://rpc.example", DISCORD_TOKEN: "MTEz.bot.token" })),
    ).toEqual([]);
    expect(
      sandboxChainProblems(testConfig({ RPC_URL: "http://127.0.0.1:8545", TREASURY_PRIVATE_KEY: KEY })),
    ).toHaveLength(1);
    expect(isLocalUrl("http://127.0.0.1.attacker.example:8545")).toBe(false);
    expect(isLocalUrl("http://localhost.attacker.example")).toBe(false);
  });
});
