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
