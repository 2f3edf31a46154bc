import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createLogger, secretValues } from "../src/logger.ts";
import { readableLogStream } from "../src/readableLogStream.ts";

describe("the logger", () => {
  it("cuts long strings (pasted user input) and still scrubs secrets inside them", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "info", destination: sink, secrets: ["s3cr3t-token"] });
    logger.error({ input: `s3cr3t-token ${"x".repeat(5_000)}`, err: new Error("y".repeat(3_000)) }, "failed");
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry.input).toBe(`[redacted] ${"x".repeat(989)}…(5011 characters)`);
    expect(entry.err.message).toHaveLength(1_000 + "…(3000 characters)".length);
    expect(lines[0]?.length).toBeLessThan(6_000);
  });

  it("shows a token's address (public) under a secret-looking key, and still hides a key or a token there", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const privateKey = `0x${"ab".repeat(32)}`;
    createLogger({ level: "info", destination: sink }).info(
      { token: address, privateKey, apiToken: "Bot abc.def" },
      "deployed",
    );
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry.token).toBe(address);
    expect(entry.privateKey).toBe("[redacted]");
    expect(entry.apiToken).toBe("[redacted]");
  });

  it("writes readable lines for a person at a terminal", () => {
    let out = "";
    const terminal = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const logger = createLogger({ level: "info", destination: readableLogStream(terminal) });
    logger.info({ component: "database", applied: ["a", "b"] }, "migrations applied");
    expect(out).toMatch(/^\d\d:\d\d:\d\d INFO {2}migrations applied {2}component=database applied=\["a","b"\]\n$/);
  });
});

describe("secret URL settings", () => {
  const KEY = "0123456789abcdef0123456789abcdef";
  const RPC_URL = `https://mainnet.infura.io/v3/${KEY}`;
  const OPENAI_BASE_URL = "https://llm.example.com/v1?api-key=sk-proxy-secret-0123456789";

  it("shows RPC_URL and OPENAI_BASE_URL by scheme and host only: fields, messages, errors and children", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({ RPC_URL, OPENAI_BASE_URL, SETTLEMENT_MODE: "off" });
    const logger = createLogger({ level: "info", destination: sink, secrets: secretValues(config) });
    // What ethers throws when the provider answers 401: the whole request URL, key and all.
    const ethersError = new Error(
      `server response 401 Unauthorized (request={  }, response={  }, error=null, info={ "requestUrl": "${RPC_URL}", "responseBody": "invalid project id ${KEY}", "responseStatus": "401 Unauthorized" }, code=SERVER_ERROR, version=6.17.0)`,
    );
    logger.error({ err: ethersError, deep: { deeper: { url: RPC_URL } } }, "chain probe failed");
    logger.warn(`could not reach ${RPC_URL}`);
    logger.warn("model endpoint %s failed", OPENAI_BASE_URL);
    logger.error(ethersError);
    logger.child({ component: "chain", rpcUrl: RPC_URL }).info("connected");
    const all = lines.join("");
    expect(all).not.toContain(KEY);
    expect(all).not.toContain("sk-proxy-secret");
    expect(all).not.toContain("/v3/");
    expect(all).toContain('"requestUrl\\": \\"https://mainnet.infura.io\\"');
    expect(all).toContain("could not reach https://mainnet.infura.io");
    expect(all).toContain("model endpoint https://llm.example.com failed");
    expect(JSON.parse(lines[4] ?? "{}").rpcUrl).toBe("https://mainnet.infura.io");
  });
});
