import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLocalChain, stopLocalChain } from "../../src/chain/openLocalChain.ts";
import { connectSettlement } from "../../src/connectSettlement.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { processAlive } from "../../src/processAlive.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { testConfig } from "../helpers/testConfig.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const dataDir = mkdtempSync(join(tmpdir(), "steward-chain-"));
const config = testConfig({ STEWARD_DATA_DIR: dataDir, SETTLEMENT_MODE: "send", SETTLEMENT_CHUNK_SIZE: "2" });
const logger = createLogger({ level: "silent" });
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await stopLocalChain(dataDir);
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the sandbox's local chain", () => {
  it("is found again after a restart, and refuses to settle when it lost the contracts the database paid through", async () => {
    const deps = serviceDeps(database);
    const first = await connectSettlement(config, deps.db, logger, { sandbox: true, own: true });
    if (!first) throw new Error("expected a local chain");
    deps.settlement = first.settlement;
    const to = recipients(3, 900);
    const id = await approvedPayout(
      deps.db,
      to.map((recipient) => ({ recipient, amount: "5", refs: ["x:1"] })),
    );
    expect((await settlePayouts(deps)).settled).toEqual([id]);
    const { distributor, token } = first.settlement.chain;
    await first.stop();

    // A restart loads the saved chain: the same contracts, the payouts still there.
    const second = await connectSettlement(config, deps.db, logger, { sandbox: true, own: true });
    expect(second?.settlement.blocked).toBeNull();
    expect(second?.settlement.chain.distributor).toBe(distributor);
    expect(await second?.settlement.chain.tokenBalance(to[0] as string)).toBe(5n);
    await second?.stop();

    // The chain's state is gone while the database remembers payouts: loud, and nothing is settled.
    rmSync(join(dataDir, "chain", "state.json"));
    const third = await connectSettlement(config, deps.db, logger, { sandbox: true, own: true });
    expect(third?.settlement.blocked).toMatch(
      new RegExp(
        `^THE LOCAL CHAIN LOST ITS STATE: distributor ${distributor} is gone, but the database remembers 2 payout\\(s\\) made through it\\. Nothing is settled until`,
      ),
    );
    deps.settlement = third?.settlement;
    await approvedPayout(
      deps.db,
      to.map((recipient) => ({ recipient, amount: "6", refs: ["x:2"] })),
    );
    const report = await settlePayouts(deps);
    expect(report.skipped).toEqual({ kind: "blocked", reason: third?.settlement.blocked });
    expect(report.planned).toEqual([]);
    expect((await deps.db.chainDeployment.findFirstOrThrow()).token).toBe(token);
    await third?.stop();
  }, 120_000);
  it("starts from its last complete copy when the state file was cut short by a kill while it saved", async () => {
    const dir = mkdtempSync(join(tmpdir(), "steward-chain-cut-"));
    const lines: string[] = [];
    try {
      const first = await openLocalChain(dir, { own: true, log: (l) => lines.push(l) });
      await fetch(first.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "anvil_mine", params: ["0x3"] }),
      });
      await first.stop();
      // A kill in the middle of Anvil's next save: the file is cut short.
      const path = join(dir, "chain", "state.json");
      const whole = readFileSync(path, "utf8");
      writeFileSync(path, whole.slice(0, Math.floor(whole.length / 2)));
      const second = await openLocalChain(dir, { own: true, log: (l) => lines.push(l) });
      const res = await fetch(second.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
      });
      expect(Number(((await res.json()) as { result: string }).result)).toBe(3);
      expect(lines.some((l) => /saved state was cut short .*starting from its last complete copy/.test(l))).toBe(true);
      await second.stop();
    } finally {
      await stopLocalChain(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
  it("falls back on no block older than the last one settlement was told is saved (a kill of the running chain)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "steward-chain-saved-"));
    const rpc = (url: string, method: string, params: unknown[] = []) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      }).then(async (r) => ((await r.json()) as { result: string }).result);
    try {
      const first = await openLocalChain(dir, { own: false, log: () => {} });
      await rpc(first.rpcUrl, "anvil_mine", ["0x3"]);
      const deadline = Date.now() + 10_000;
      while (first.savedBlock() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(first.savedBlock()).toBe(3);
      await rpc(first.rpcUrl, "anvil_mine", ["0x2"]);
      // Killed in the middle of a save while it runs: no clean stop, the file cut short.
      const { pid } = JSON.parse(readFileSync(join(dir, "chain", "chain.json"), "utf8")) as { pid: number };
      process.kill(pid, "SIGKILL");
      while (processAlive(pid)) await new Promise((r) => setTimeout(r, 50));
      const path = join(dir, "chain", "state.json");
      writeFileSync(path, readFileSync(path, "utf8").slice(0, 100));
      const second = await openLocalChain(dir, { own: true, log: () => {} });
      expect(Number(await rpc(second.rpcUrl, "eth_blockNumber"))).toBeGreaterThanOrEqual(3);
      await second.stop();
    } finally {
      await stopLocalChain(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
