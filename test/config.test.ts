import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { createLogger, secretValues } from "../src/logger.ts";

const secrets = {
  DISCORD_TOKEN: "MTEzNDU2.secret-discord-token.xyz",
  OPENAI_API_KEY: "sk-secret-openai-key-123",
  TREASURY_PRIVATE_KEY: `0x${"ab".repeat(32)}`,
  DATABASE_URL: "postgresql://steward:hunter2-db-password@db.internal:5432/steward",
};

describe("configuration", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      STEWARD_DATA_DIR: "./data",
      SANDBOX_PORT: 3210,
      LOG_LEVEL: "info",
      WALLET_CHALLENGE_TTL: 600_000,
      DUPLICATE_SUBMISSION_WINDOW: 60_000,
    });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("reports every malformed key at once, without echoing any value", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        SANDBOX_PORT: "ninety",
        LOG_LEVEL: "loud",
        DATABASE_URL: "mysql://root:hunter2-db-password@localhost/x",
        TREASURY_PRIVATE_KEY: "0xnot-a-key-but-secret",
        WALLET_CHALLENGE_TTL: "ten minutes",
        DISCORD_GUILD_ID: "abc",
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = error?.problems.map((p) => p.split(":")[0]);
    expect(keys?.sort()).toEqual(
      [
        "DATABASE_URL",
        "DISCORD_GUILD_ID",
        "LOG_LEVEL",
        "SANDBOX_PORT",
        "TREASURY_PRIVATE_KEY",
        "WALLET_CHALLENGE_TTL",
      ].sort(),
    );
    expect(error?.message).toMatch(/^Invalid configuration \(6 problems\):/);
    expect(error?.message).not.toContain("hunter2");
    expect(error?.message).not.toContain("not-a-key-but-secret");
  });

  it("parses the governance settings and checks the ones that only work together", () => {
    const config = loadConfig({
      VOTING_PERIOD: "5s",
      VOTING_TYPE: "ranked-choice",
      QUORUM: "20%",
      VOTER_ROLES: "Member, Provider",
      VOTE_WEIGHT: "role-weighted",
      ROLE_WEIGHTS: "Member=1,Moderator=2.5",
      EXCLUDE_CONFLICTED_VOTES: "true",
      AUTO_APPROVE_BELOW: "1000",
    });
    expect(config).toMatchObject({
      VOTING_PERIOD: 5000,
      VOTING_TYPE: "ranked_choice",
      QUORUM: "20%",
      VOTER_ROLES: ["Member", "Provider"],
      ROLE_WEIGHTS: { Member: 1, Moderator: 2.5 },
      EXCLUDE_CONFLICTED_VOTES: true,
      AUTO_APPROVE_BELOW: 1000n,
      APPROVALS_REQUIRED: 2,
    });
    let error: ConfigError | undefined;
    try {
      loadConfig({ VOTE_WEIGHT: "erc20-balance", LARGE_PAYOUT_ABOVE: "5", AUTO_APPROVE_BELOW: "10" });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      "RPC_URL: required when VOTE_WEIGHT is erc20-balance",
      "VOTE_TOKEN_ADDRESS: required when VOTE_WEIGHT is erc20-balance",
      "LARGE_PAYOUT_ABOVE: must not be below AUTO_APPROVE_BELOW",
    ]);
    expect(() => loadConfig({ QUORUM: "150%" })).toThrow(/QUORUM: a percentage cannot exceed 100%/);
    expect(() => loadConfig({ ROLE_WEIGHTS: "Member" })).toThrow(/ROLE_WEIGHTS: must be a list such as/);
  });

  it("counts a percentage quorum over the active members by default; QUORUM_OF and ACTIVE_WINDOW are checked", () => {
    expect(loadConfig({})).toMatchObject({ QUORUM: "10%", QUORUM_OF: "active", ACTIVE_WINDOW: { epochs: 3 } });
    expect(loadConfig({ QUORUM: "25", QUORUM_OF: "members", ACTIVE_WINDOW: "1 epoch" })).toMatchObject({
      QUORUM: "25",
      QUORUM_OF: "members",
      ACTIVE_WINDOW: { epochs: 1 },
    });
    expect(loadConfig({ ACTIVE_WINDOW: "6" }).ACTIVE_WINDOW).toEqual({ epochs: 6 });
    expect(loadConfig({ ACTIVE_WINDOW: "30d" }).ACTIVE_WINDOW).toEqual({ ms: 30 * 86_400_000 });
    expect(loadConfig({ QUORUM_OF: "voters", VOTER_ROLES: "Voter" }).QUORUM_OF).toBe("voters");
    expect(() => loadConfig({ QUORUM_OF: "everyone" })).toThrow(
      /QUORUM_OF: must be active \(members who took part lately\), voters \(holders of VOTER_ROLES\) or members \(everyone\)/,
    );
    expect(() => loadConfig({ QUORUM_OF: "voters" })).toThrow(
      /QUORUM_OF: voters counts the holders of VOTER_ROLES, which is empty: set VOTER_ROLES \(e\.g\. "Voter"\), or use QUORUM_OF=active/,
    );
    for (const bad of ["0 epochs", "three", "3 weeks", "0d"]) {
      expect(() => loadConfig({ ACTIVE_WINDOW: bad })).toThrow(
        /ACTIVE_WINDOW: must be a number of epochs from 1 to 1000 such as "3 epochs", or a duration such as 30d/,
      );
    }
    expect(() => loadConfig({ QUORUM: "ten" })).toThrow(/QUORUM: must be a number of votes \(a weight\) such as "25"/);
  });

  it("refuses Anvil's public development keys as the treasury on any chain but Anvil's, listed with the others", () => {
    const anvil0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    const anvil9 = "0x2A871D0798F97D79848A013D4936A73BF4CC922C825D33C1CF7073DFF6D409C6";
    const settings = {
      RPC_URL: "https://mainnet.example",
      CHAIN_ID: "1",
      TOKEN_ADDRESS: `0x${"11".repeat(20)}`,
      DISTRIBUTOR_ADDRESS: `0x${"22".repeat(20)}`,
    };
    let error: ConfigError | undefined;
    try {
      loadConfig({ ...settings, TREASURY_PRIVATE_KEY: anvil0, LOG_LEVEL: "loud" });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      expect.stringMatching(/^LOG_LEVEL: /),
      `TREASURY_PRIVATE_KEY: is Anvil's public development key of account #0 (0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, from the "test test … junk" mnemonic every local node prints); on chain 1 anyone can take what it holds. Use a key of your own (Anvil's keys are accepted only with CHAIN_ID=31337).`,
    ]);
    expect(error?.message).not.toContain(anvil0.slice(2));
    // Every one of the ten, in any case, on any other chain; accepted on Anvil's own chain id.
    expect(() => loadConfig({ ...settings, CHAIN_ID: "8453", TREASURY_PRIVATE_KEY: anvil9 })).toThrow(
      /account #9 \(0xa0Ee7A142d267C1f36714E4a8F75612F20a79720, .*on chain 8453/,
    );
    expect(loadConfig({ ...settings, CHAIN_ID: "31337", TREASURY_PRIVATE_KEY: anvil0 }).CHAIN_ID).toBe(31337);
    expect(loadConfig({ ...settings, TREASURY_PRIVATE_KEY: `0x${"ab".repeat(32)}` }).CHAIN_ID).toBe(1);
  });

  it("parses TRUST_PROXY and METRICS_TOKEN", () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback" }).TRUST_PROXY).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
    for (const bad of ["yes", "10.0.0.0/33", "proxy.internal", "0"]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(
        /TRUST_PROXY: must be false, true, a number of proxy hops/,
      );
    }
    expect(loadConfig({ METRICS_TOKEN: "0123456789abcdef0123" }).METRICS_TOKEN).toBe("0123456789abcdef0123");
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: "has spaces in the token" })).toThrow(
      /METRICS_TOKEN: must be a bearer token/,
    );
    expect(loadConfig({}).SANDBOX_REAL_CHAIN).toBe(false);
    expect(loadConfig({ SANDBOX_REAL_CHAIN: "1" }).SANDBOX_REAL_CHAIN).toBe(true);
  });

  it("never writes secrets to the logs", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig(secrets);
    const logger = createLogger({ level: "info", destination: sink, secrets: secretValues(config) });
    logger.info({ config }, "booted");
    logger.info({ ...secrets }, "flat");
    logger.info({ request: { headers: { authorization: `Bot ${secrets.DISCORD_TOKEN}` } } }, "nested");
    logger.error({ err: new Error(`connect failed for ${secrets.DATABASE_URL}`) }, "error text");
    logger.info({ note: `the key is ${secrets.OPENAI_API_KEY}` }, "free text");
    const all = lines.join("");
    for (const value of Object.values(secrets)) expect(all).not.toContain(value);
    expect(all).not.toContain("hunter2");
    expect(all).toContain("[redacted]");
  });
});
