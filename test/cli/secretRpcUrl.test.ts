import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployContracts } from "../../src/chain/deployContracts.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import { exited, startStewardProcess, stewardBin } from "../helpers/stewardProcess.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

const KEY = "k3yInThePath0123456789abcdefXYZ";

/**
 * An RPC provider as Infura or Alchemy run them: the API key is the URL's path, and a request with a bad or
 * revoked key is answered 401. Behind it, a local Anvil.
 */
let chain: LocalChain;
let provider: Server;
let rpcUrl = "";
let revoked = false;
beforeAll(async () => {
  chain = await startAnvil();
  provider = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", async () => {
      if (req.url !== `/v3/${KEY}` || revoked) {
        res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid project id"}');
        return;
      }
      const answer = await fetch(chain.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  rpcUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v3/${KEY}`;
}, 60_000);
afterAll(async () => {
  provider?.closeAllConnections();
  await new Promise((r) => provider?.close(r));
  await chain?.stop();
});

const cleanEnv = () => ({ PATH: process.env.PATH, HOME: process.env.HOME });

describe.runIf(testDatabaseKind === "embedded")("an RPC_URL with a key in its path", () => {
  it("is refused for the sandbox unless SANDBOX_REAL_CHAIN=1, with the reason and no key", {
    timeout: 40_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "steward-refused-"));
    const proc = spawn(process.execPath, [stewardBin, "start"], {
      env: {
        ...cleanEnv(),
        RPC_URL: `https://mainnet.infura.io/v3/${KEY}`,
        SETTLEMENT_MODE: "off",
        STEWARD_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    proc.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    // A Steward that starts anyway is stopped, not left running.
    const started = setTimeout(() => proc.kill("SIGTERM"), 20_000);
    const code = await new Promise((r) => proc.once("exit", r));
    clearTimeout(started);
    await destroyManagedData(dataDir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      "RPC_URL: points at https://mainnet.infura.io, not at this machine, and the sandbox (no DISCORD_TOKEN) lets anyone who reaches it create moderators",
    );
    expect(stderr).not.toContain(KEY);
  });

  it("shows only scheme and host: the ready line, the logs and /readyz when the provider refuses the key", async () => {
    const deployed = await deployContracts({ rpcUrl, key: chain.deployerKey, tokenSymbol: "STEW", tokenDecimals: 18 });
    const dataDir = mkdtempSync(join(tmpdir(), "steward-rpc-key-"));
    const steward = await startStewardProcess({
      ...cleanEnv(),
      RPC_URL: rpcUrl,
      CHAIN_ID: "31337",
      TREASURY_PRIVATE_KEY: chain.deployerKey,
      TOKEN_ADDRESS: deployed.token,
      DISTRIBUTOR_ADDRESS: deployed.distributor,
      ANCHOR_ADDRESS: deployed.anchor,
      SANDBOX_REAL_CHAIN: "1",
      SANDBOX_PORT: "0",
      HTTP_PORT: "0",
      STEWARD_DATA_DIR: dataDir,
      LOG_LEVEL: "debug",
      LOG_FORMAT: "json",
    });
    try {
      const stdout = steward.stdout();
      const origin = new URL(rpcUrl).origin;
      expect(stdout).toMatch(new RegExp(`^chain ready: ${origin} token=${deployed.token} distributor=`, "m"));
      const httpUrl = /^http ready: (\S+)$/m.exec(stdout)?.[1] as string;
      const ready = await fetch(`${httpUrl}/readyz`);
      expect(((await ready.json()) as { checks: { chain: unknown } }).checks.chain).toEqual({ ok: true, state: "up" });
      // The provider revokes the key: ethers' error quotes the request URL, key and all.
      revoked = true;
      const down = await fetch(`${httpUrl}/readyz`);
      const text = await down.text();
      expect(down.status).toBe(503);
      expect(JSON.parse(text).checks.chain.state).toMatch(/^server response 401 Unauthorized/);
      expect(text).toContain(`"requestUrl\\": \\"${origin}\\"`);
      expect(text).not.toContain(KEY);
      expect(stdout).not.toContain(KEY);
      expect(steward.stderr()).not.toContain(KEY);
    } finally {
      revoked = false;
      steward.proc.kill("SIGTERM");
      await exited(steward.proc);
      await destroyManagedData(dataDir);
    }
  }, 120_000);
});
