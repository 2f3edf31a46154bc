import { spawn } from "node:child_process";
import { join } from "node:path";
import { Contract, JsonRpcProvider, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import { connectSettlement } from "../../src/connectSettlement.ts";
import type { Db } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { testConfig } from "../helpers/testConfig.ts";

const bin = join(process.cwd(), "bin", "steward.js");
let chain: LocalChain;
beforeAll(async () => {
  chain = await startAnvil({ chainId: 8453 });
}, 60_000);
afterAll(() => chain?.stop());

function steward(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "error", ...env },
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    p.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    p.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("steward chain deploy", () => {
  it("deploys the distributor and a token to any RPC, approves it, and prints the settings to use", async () => {
    const missing = await steward(["chain", "deploy"], { RPC_URL: chain.rpcUrl });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("chain deploy needs RPC_URL (the chain) and TREASURY_PRIVATE_KEY");

    const r = await steward(["chain", "deploy"], { RPC_URL: chain.rpcUrl, TREASURY_PRIVATE_KEY: chain.deployerKey });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const treasury = new Wallet(chain.deployerKey).address;
    expect(r.stdout).toMatch(
      new RegExp(
        `Deployed StewardDistributorV2 on chain 8453 in block \\d+; the treasury ${treasury} approved the distributor for the token\\.`,
      ),
    );
    expect(r.stdout).toMatch(/^DEPLOYMENT_BLOCK=\d+$/m);
    const token = /TOKEN_ADDRESS=(0x[0-9a-fA-F]{40})/.exec(r.stdout)?.[1] as string;
    const distributor = /DISTRIBUTOR_ADDRESS=(0x[0-9a-fA-F]{40})/.exec(r.stdout)?.[1] as string;
    expect(r.stdout).toContain("CHAIN_ID=8453");
    const provider = new JsonRpcProvider(chain.rpcUrl, undefined, { staticNetwork: true });
    const erc20 = new Contract(token, ["function allowance(address,address) view returns (uint256)"], provider);
    expect(await erc20.getFunction("allowance")(treasury, distributor)).toBe(2n ** 256n - 1n);
    const dist = new Contract(
      distributor,
      ["function operator() view returns (address)", "function treasury() view returns (address)"],
      provider,
    );
    expect(await dist.getFunction("operator")()).toBe(treasury);
    expect(await dist.getFunction("treasury")()).toBe(treasury);
    // Version 2, with the configured claim period (CLAIM_PERIOD, 90 days unless set).
    const v2 = new Contract(distributor, ["function claimPeriod() view returns (uint256)"], provider);
    expect(await v2.getFunction("claimPeriod")()).toBe(90n * 24n * 3600n);
    provider.destroy();

    // With the printed settings, a CHAIN_ID that is not the RPC's own is refused at boot. (A key of its own: Anvil's
    // development keys are refused outright on any chain id but 31337.)
    const config = testConfig({
      RPC_URL: chain.rpcUrl,
      CHAIN_ID: "1",
      TREASURY_PRIVATE_KEY: Wallet.createRandom().privateKey,
      TOKEN_ADDRESS: token,
      DISTRIBUTOR_ADDRESS: distributor,
      SETTLEMENT_MODE: "send",
    });
    await expect(
      connectSettlement(config, {} as Db, createLogger({ level: "silent" }), { sandbox: false, own: false }),
    ).rejects.toThrow(`CHAIN_ID is 1 but ${chain.rpcUrl} is chain 8453: fix one of them`);
  }, 120_000);
});
