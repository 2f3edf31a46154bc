import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "@steward/discord-sandbox";
import { afterAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.ts";
import { stopLocalChain } from "../../src/chain/openLocalChain.ts";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import { finalResponse, SandboxClient } from "../helpers/sandboxClient.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

const bin = join(process.cwd(), "bin", "steward.js");
const cleanEnv = () => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return env;
};

const dataDirs: string[] = [];
function newDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "steward-cli-"));
  dataDirs.push(dir);
  return dir;
}

describe.runIf(testDatabaseKind === "embedded")("the steward CLI", () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill("SIGTERM");
    if (child && child.exitCode === null) await new Promise((r) => child?.once("exit", r));
    for (const dir of dataDirs) {
      await stopLocalChain(dir);
      await destroyManagedData(dir);
    }
  });

  it("`steward start` without a token starts the sandbox and the bot and prints its chain and sandbox ready lines", async () => {
    const dataDir = newDataDir();
    const proc = spawn(process.execPath, [bin, "start"], {
      env: { ...cleanEnv(), SANDBOX_PORT: "0", HTTP_PORT: "0", STEWARD_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let stdout = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line; stdout so far: ${stdout}`)), 60_000);
      proc.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^sandbox ready: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      proc.once("exit", (code) => reject(new Error(`steward exited with ${code}`)));
    });
    const client = new SandboxClient(url);
    await client.createUser("olga", ["Member"]);
    const reply = finalResponse(await client.run("olga", "help"));
    expect(reply.embeds[0]?.title).toBe("Steward commands you can use");
    // The local chain's line, the HTTP API's, the sandbox's, and where to point a browser: nothing else on stdout.
    const readyLines = stdout.trim().split("\n");
    expect(readyLines).toHaveLength(4);
    expect(readyLines[0]).toMatch(
      /^chain ready: http:\/\/127\.0\.0\.1:\d+ token=0x[0-9a-fA-F]{40} distributor=0x[0-9a-fA-F]{40}$/,
    );
    expect(readyLines[1]).toMatch(/^http ready: http:\/\/127\.0\.0\.1:\d+$/);
    expect(readyLines[2]).toBe(`sandbox ready: ${url}`);
    const httpUrl = readyLines[1]?.slice("http ready: ".length);
    expect(readyLines[3]).toBe(`open in a browser: the sandbox ${url}/ · the transparency page ${httpUrl}/`);
    const health = await fetch(`${httpUrl}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    expect(await (await fetch(`${url}/`)).text()).toContain("<title>Steward sandbox</title>");
    expect(await (await fetch(`${httpUrl}/`)).text()).toContain("<title>Steward — transparency</title>");

    // A person at the terminal client: a proposal, opened by a moderator, voted with a button.
    const session = spawnSync(process.execPath, [bin, "sandbox", url], {
      input: [
        "adduser mona Member Moderator",
        'as olga /propose idea:"Hold a monthly community call."',
        "as olga click Submit",
        "messages governance",
        "as mona click Open vote (moderators)",
        "messages governance",
        "as olga click For",
        "quit",
      ].join("\n"),
      encoding: "utf8",
      env: cleanEnv(),
      timeout: 60_000,
    });
    expect(session.stdout).toMatch(
      /Proposal #1 is open for votes until .+ \(basic vote, quorum: needs \d+ of \d+ active members? \(10%\)\)/,
    );
    expect(session.stdout).toContain("[For] [Against] [Abstain]");
    expect(session.stdout).toMatch(/Your vote on proposal #1: \*\*For\*\*, weight 1\./);

    // The README's quick start, typed literally, line by line.
    const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
    const block = /```sh\nnpm run steward -- sandbox\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const lines = block
      .split("\n")
      .filter((l) => l.startsWith("> "))
      .map((l) => l.slice(2));
    expect(lines.length).toBeGreaterThan(8);
    const quickStart = spawnSync(process.execPath, [bin, "sandbox", url], {
      input: [...lines, "quit"].join("\n"),
      encoding: "utf8",
      env: cleanEnv(),
      timeout: 60_000,
    });
    expect(quickStart.stdout).not.toMatch(/^error:|No button or menu|Unknown (command|action)|did not answer/m);
    expect(quickStart.stdout).toMatch(/Contribution \*\*#1\*\* “Fix the docs”/);
    expect(quickStart.stdout).toMatch(/Your vote on proposal #2: \*\*For\*\*/);

    // `steward doctor` on the running sandbox: all clear; then a deleted channel, a denied permission and the
    // Server Members intent off give three lines and exit code 1; fixed again, all clear.
    // Asynchronous, so this process keeps serving its sockets meanwhile (a blocked loop misses keep-alive closes).
    const doctor = () =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const p = spawn(process.execPath, [bin, "doctor"], {
          env: {
            ...cleanEnv(),
            STEWARD_DATA_DIR: dataDir,
            SANDBOX_PORT: new URL(url).port,
            HTTP_PORT: "0",
            LOG_LEVEL: "error",
          },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let stdout = "";
        p.stdout?.on("data", (c: Buffer) => {
          stdout += c.toString();
        });
        p.once("exit", (status) => resolve({ status, stdout }));
      });
    const clear = await doctor();
    expect(clear.stdout.trim()).toBe("✓ Steward Sandbox: all clear.");
    expect(clear.status).toBe(0);
    await client.request("DELETE", "/sandbox/channels/payouts");
    await client.request("PUT", "/sandbox/channels/governance/permissions", { deny: ["SendMessages"] });
    await client.request("PUT", "/sandbox/intents", { members: false });
    const broken = await doctor();
    expect(broken.status).toBe(1);
    expect(broken.stdout.trim().split("\n")).toEqual([
      "✗ In #governance (GOVERNANCE_CHANNEL) the bot lacks Send Messages (to post): allow it for the bot's role in the channel's permissions (Edit Channel → Permissions).",
      "✗ Channel #payouts (PAYOUTS_CHANNEL) does not exist in Steward Sandbox: create a text channel with that name, or set PAYOUTS_CHANNEL to an existing channel's name or id.",
      "✗ The Server Members intent is off, so votes cannot count the eligible members: enable it in the Discord Developer Portal → your application → Bot → Privileged Gateway Intents → Server Members Intent.",
    ]);
    await client.request("POST", "/sandbox/channels", { name: "payouts" });
    await client.request("PUT", "/sandbox/channels/governance/permissions", {});
    await client.request("PUT", "/sandbox/intents", { members: true });
    const fixed = await doctor();
    expect(fixed.stdout.trim()).toBe("✓ Steward Sandbox: all clear.");
    expect(fixed.status).toBe(0);

    const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 180_000);

  it("stops when the `npm start` that launched it is killed with SIGKILL, leaving nothing behind", async () => {
    const dataDir = newDataDir();
    const npm = spawn("npm", ["start"], {
      env: { ...cleanEnv(), SANDBOX_PORT: "0", HTTP_PORT: "0", STEWARD_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 60_000);
      npm.stdout?.on("data", (c: Buffer) => {
        out += c.toString();
        if (/sandbox ready: /.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const steward = Number(
      spawnSync("pgrep", ["-f", `${bin} start|bin/steward.js start`], { encoding: "utf8" })
        .stdout.trim()
        .split("\n")
        .find((pid) => readFileSync(`/proc/${pid}/environ`, "utf8").includes(`STEWARD_DATA_DIR=${dataDir}`)),
    );
    expect(steward).toBeGreaterThan(0);
    npm.kill("SIGKILL");
    const deadline = Date.now() + 15_000;
    const alive = () => {
      try {
        process.kill(steward, 0);
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${steward}/stat`, "utf8"));
      } catch {
        return false;
      }
    };
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(alive(), "Steward exited after npm was killed").toBe(false);
    // It stopped its database server and its local chain on the way out (it was their only user).
    expect(existsSync(join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    expect(existsSync(join(dataDir, "chain", "chain.json"))).toBe(false);
  }, 90_000);

  it("lists every configuration problem at once and exits non-zero, without printing secrets", () => {
    const result = spawnSync(process.execPath, [bin, "migrate"], {
      env: {
        ...cleanEnv(),
        DATABASE_URL: "mysql://u:topsecretpw@h/db",
        SANDBOX_PORT: "-1",
        TREASURY_PRIVATE_KEY: "0xsecretbutmalformed",
      },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration \(3 problems\)/);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres/);
    expect(result.stderr).toMatch(/SANDBOX_PORT:/);
    expect(result.stderr).toMatch(/TREASURY_PRIVATE_KEY: must be 0x followed by 64 hex digits/);
    expect(result.stderr).not.toMatch(/topsecretpw|secretbutmalformed/);
  });

  it("runs a job once for operators and explains an unknown one", () => {
    const dataDir = newDataDir();
    const env = { ...cleanEnv(), STEWARD_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    const ok = spawnSync(process.execPath, [bin, "job", "run", "verify-audit"], { env, encoding: "utf8" });
    expect(ok.stdout).toBe(
      "verify-audit: ok — audit verified: 0 events, 0 anchor(s) on chain and 0 recorded, 0 paid chunk(s); no mismatch\n",
    );
    expect(ok.status).toBe(0);
    const unknown = spawnSync(process.execPath, [bin, "job", "run", "nope"], { env, encoding: "utf8" });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      "There is no job named `nope`. Known jobs: evaluate, close-epoch, close-votes, remind, settle, repost, verify-audit, node-health.\n",
    );
  }, 60_000);

  it("with DISCORD_TOKEN talks to that Discord: deploy-commands registers guild commands, start runs no sandbox", async () => {
    // A sandbox started on its own stands in for discord.com here; Steward reaches it only through DISCORD_API_URL.
    const discord = await startSandbox();
    try {
      const dataDir = newDataDir();
      const env = {
        ...cleanEnv(),
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_GUILD_ID: discord.guildId,
        HTTP_PORT: "0",
        STEWARD_DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
      };
      const deploy = spawn(process.execPath, [bin, "deploy-commands"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      deploy.stdout?.on("data", (c: Buffer) => {
        out += c.toString();
      });
      const code = await new Promise<number | null>((resolve) => deploy.once("exit", resolve));
      expect(code).toBe(0);
      expect(out).toBe(`Registered ${commandDefinitions.length} commands (guild ${discord.guildId}).\n`);
      expect(discord.state.guildCommands.map((c) => c.name).sort()).toEqual(
        commandDefinitions.map((c) => c.name).sort(),
      );

      const bot = spawn(process.execPath, [bin, "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
      child = bot;
      let botOut = "";
      bot.stdout?.on("data", (c: Buffer) => {
        botOut += c.toString();
      });
      const deadline = Date.now() + 60_000;
      while (!discord.gateway.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(discord.gateway.connected).toBe(true);
      const client = new SandboxClient(discord.url);
      await client.createUser("pia", ["Member"]);
      expect(finalResponse(await client.run("pia", "wallet show")).content).toMatch(/not linked a wallet yet/);
      // On real Discord stdout carries only the HTTP API's line (no sandbox, no local chain). The bot may answer before
      // the HTTP server has printed it: they start side by side.
      const httpDeadline = Date.now() + 30_000;
      while (!botOut.includes("\n") && Date.now() < httpDeadline) await new Promise((r) => setTimeout(r, 100));
      expect(botOut).toMatch(/^http ready: http:\/\/127\.0\.0\.1:\d+\n$/);
      const exited = new Promise<number | null>((resolve) => bot.once("exit", resolve));
      bot.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      await discord.close();
    }
  }, 90_000);
});
