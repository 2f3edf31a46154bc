import { ConfigError, loadConfig } from "./config.ts";
import { createContainer, databaseTarget } from "./container.ts";
import { migrate } from "./db/migrate.ts";
import { openDatabase } from "./db/openDatabase.ts";
import { deployCommands, fetchApplicationId } from "./discord/deployCommands.ts";
import { userErrorMessage } from "./discord/views/errorMessages.ts";
import { translator } from "./i18n/translator.ts";
import { jobs } from "./jobs/index.ts";
import { findJob, runJob } from "./jobs/runJob.ts";
import { createLogger, redactSecrets, type Secret, secretValues } from "./logger.ts";
import { readableLogStream } from "./readableLogStream.ts";
import { readyLines } from "./readyLines.ts";
import { indexContributions } from "./services/contributions/indexContributions.ts";
import { isUserError } from "./services/errors.ts";
import { watchLauncher } from "./watchLauncher.ts";

const usage = `Usage: steward <command>

Commands:
  start [--reset-sandbox]
                        start Steward (with no DISCORD_TOKEN: the local Discord sandbox and the bot; the sandbox's
                        guild, users and messages are kept in STEWARD_DATA_DIR, --reset-sandbox starts a new one)
  deploy-commands       register the slash commands with Discord (in the DISCORD_GUILD_ID servers, else global) and
                        remove Steward's commands from the other scope, so none shows twice
  invite [--client-id <id>]
                        print the URL that adds the bot to a server with exactly the permissions this configuration
                        needs, and what each is for (the application id from DISCORD_TOKEN, or --client-id)
  migrate               apply pending database migrations
  doctor                check the Discord setup (channels, permissions, roles, Server Members intent, commands):
                        one line per problem, exit code 1 if any (without DISCORD_TOKEN: the running sandbox)
  job run <name>        run one scheduled job once (${jobs.map((j) => j.name).join(", ")})
  job list              list the scheduled jobs
  audit verify          recompute the audit chain, check it against every published anchor (on chain and recorded),
                        and every paid batch against its vote and the chain's receipts; exit code 1 on a mismatch
  audit anchor          record the audit chain's head and publish it on chain (the AuditAnchor contract)
  export --epoch <n> [--format csv|json] [--out <dir>] [--guild <id>]
                        write an epoch's contributions, evaluations, votes, approvals, payouts and compute lines
  chain deploy          deploy the distributor (and a reward token unless TOKEN_ADDRESS is set) to RPC_URL with
                        TREASURY_PRIVATE_KEY, approve it, and print the settings to use
  node-agent --key <file> [--api <url> --node <id>]
                        run on a provider's machine: creates the node key in <file> (mode 0600) if missing and
                        prints its address for /node register; with --api (Steward's HTTP URL) and --node, sends a
                        signed heartbeat every HEARTBEAT_INTERVAL and retries while Steward is unreachable
  wallet new [--out <file>]
                        create a wallet key for trying Steward out (mode 0600, never overwritten; default
                        STEWARD_DATA_DIR/wallets/<address>.key) and print its address for /wallet link
  wallet sign --key <file>
                        print the signature of the pending /wallet link request of that key's address
  sandbox [url]         terminal client for a running sandbox (default: the one Steward runs on STEWARD_DATA_DIR,
                        else http://$SANDBOX_HOST:$SANDBOX_PORT)
  help                  show this help`;

const out = (line: string) => process.stdout.write(`${line}\n`);
/** The configured secrets once the configuration is read: scrubbed from a failure's message too. */
let secrets: readonly Secret[] = [];

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    out(usage);
    return command ? 0 : 2;
  }
  if (command === "node-agent") {
    const { nodeAgentCommand } = await import("./nodeAgent/nodeAgentCommand.ts");
    return nodeAgentCommand(rest);
  }
  // `chain deploy` makes the addresses the settlement settings need: it cannot require them.
  const config = loadConfig(command === "chain" ? { ...process.env, SETTLEMENT_MODE: "off" } : process.env);
  // Logs go to stderr so that `start` can print its one readiness line on stdout.
  const readable = config.LOG_FORMAT === "readable" || (config.LOG_FORMAT === "auto" && process.stderr.isTTY === true);
  secrets = secretValues(config);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    destination: readable ? readableLogStream(process.stderr) : process.stderr,
    secrets,
  });

  switch (command) {
    case "start": {
      const { startSteward, CLOSE_BUDGET_MS } = await import("./startSteward.ts");
      const unknown = rest.filter((a) => a !== "--reset-sandbox");
      if (unknown.length > 0) {
        process.stderr.write(`Unknown option ${unknown.join(" ")} for start.\n\n${usage}\n`);
        return 2;
      }
      const steward = await startSteward(config, logger, { resetSandbox: rest.includes("--reset-sandbox") });
      // Recorded before the ready lines: whoever reads them finds this Steward from its data directory too.
      const { recordRunning } = await import("./runningInstance.ts");
      const forgetRunning = recordRunning(config.STEWARD_DATA_DIR, {
        httpUrl: steward.http.url,
        ...(steward.sandbox ? { sandboxUrl: steward.sandbox.url } : {}),
      });
      for (const line of readyLines(steward, secrets)) out(line);
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "shutting down");
        // A backstop: whatever hangs, the process is gone within the grace period and the closing budget.
        setTimeout(
          () => {
            logger.error({ signal }, "shutdown did not finish in time: exiting now (the next start recovers)");
            process.exit(0);
          },
          config.SHUTDOWN_GRACE + CLOSE_BUDGET_MS + 300,
        ).unref();
        await steward.stop();
        forgetRunning();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown("SIGINT"));
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
      watchLauncher((pid) => {
        logger.warn({ npmPid: pid }, "npm, which started Steward, is gone (killed?): shutting down");
        void shutdown("launcher gone");
      });
      return -1;
    }
    case "doctor": {
      const { runDoctor } = await import("./discord/runDoctor.ts");
      const { findRunning } = await import("./runningInstance.ts");
      // The quorum's reach needs the database: the configured one, or the embedded one of a running Steward.
      const hasDatabase = config.DATABASE_URL !== undefined || findRunning(config.STEWARD_DATA_DIR) !== null;
      const { discordSettings, doctorConnection } = await import("./settingsFromConfig.ts");
      return runDoctor(discordSettings(config), doctorConnection(config), out, async (electorate) => {
        if (!hasDatabase) return null;
        const quiet = createLogger({ level: "warn", destination: process.stderr, secrets });
        const container = await createContainer(config, quiet, { role: "doctor", electorate });
        return { services: container.services, close: () => container.close() };
      });
    }
    case "migrate": {
      const database = await openDatabase(databaseTarget(config, logger, "migrate"));
      try {
        const applied = await migrate(database.driver);
        const indexed = await indexContributions(database.prisma);
        if (indexed > 0) out(`Indexed ${indexed} contribution(s) for the duplicate and claim checks.`);
        out(
          applied.length === 0
            ? "Database is up to date."
            : `Applied ${applied.length} migration(s): ${applied.join(", ")}`,
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    case "deploy-commands": {
      if (!config.DISCORD_TOKEN) {
        process.stderr.write(
          "deploy-commands needs DISCORD_TOKEN (your bot's token). In the sandbox, `steward start` registers the commands itself.\n",
        );
        return 2;
      }
      const applicationId = await fetchApplicationId(config.DISCORD_TOKEN, config.DISCORD_API_URL);
      const guilds = config.DISCORD_GUILD_ID ?? [];
      const result = await deployCommands({
        token: config.DISCORD_TOKEN,
        applicationId,
        guildIds: guilds,
        apiUrl: config.DISCORD_API_URL,
      });
      out(
        `Registered ${result.count} commands (${result.scope === "guild" ? `guild${guilds.length > 1 ? "s" : ""} ${guilds.join(", ")}` : "global"}).`,
      );
      for (const r of result.removed) {
        out(`Removed ${r.count} earlier copies of Steward's commands (${r.scope}): members saw those commands twice.`);
      }
      return 0;
    }
    case "invite": {
      const { inviteCommand } = await import("./inviteCommand.ts");
      return inviteCommand(config, rest, out);
    }
    case "job": {
      const [sub, name] = rest;
      if (sub === "list") {
        for (const j of jobs) out(`${j.name.padEnd(16)} ${j.schedule.padEnd(14)} ${j.description}`);
        return 0;
      }
      if (sub !== "run" || !name) {
        process.stderr.write("Usage: steward job run <name> | steward job list\n");
        return 2;
      }
      const job = findJob(name);
      const { createContainer } = await import("./container.ts");
      // Paying and checking anchors need the chain; the other jobs do not start one.
      const chain = job.name === "settle" || job.name === "verify-audit";
      const container = await createContainer(config, logger, {
        role: `job ${job.name}`,
        ...(chain ? { chain: { sandbox: !config.DISCORD_TOKEN, own: false } } : {}),
      });
      try {
        const result = await runJob(job, { services: container.services, logger }, "manual");
        out(`${job.name}: ${result.outcome} — ${result.summary}`);
        return result.outcome === "ok" ? 0 : 1;
      } finally {
        await container.close();
      }
    }
    case "audit": {
      const { auditCommand } = await import("./auditCommand.ts");
      return auditCommand(config, logger, rest, out);
    }
    case "wallet": {
      const { walletCommand } = await import("./walletCommand.ts");
      return walletCommand(config, logger, rest, out);
    }
    case "export": {
      const { exportCommand } = await import("./exportCommand.ts");
      return exportCommand(config, logger, rest, out);
    }
    case "chain": {
      const [sub] = rest;
      if (sub !== "deploy") {
        process.stderr.write(
          "Usage: steward chain deploy   (RPC_URL and TREASURY_PRIVATE_KEY; TOKEN_ADDRESS to reuse a token)\n",
        );
        return 2;
      }
      if (!config.RPC_URL || !config.TREASURY_PRIVATE_KEY) {
        process.stderr.write(
          "chain deploy needs RPC_URL (the chain) and TREASURY_PRIVATE_KEY (the treasury: it deploys, owns and operates the distributor, and approves it for the token). Set TOKEN_ADDRESS to pay an existing token; without it a RewardToken is deployed too.\n",
        );
        return 2;
      }
      const { deployContracts } = await import("./chain/deployContracts.ts");
      const d = await deployContracts({
        rpcUrl: config.RPC_URL,
        key: config.TREASURY_PRIVATE_KEY,
        token: config.TOKEN_ADDRESS,
        tokenSymbol: config.TOKEN_SYMBOL,
        tokenDecimals: config.TOKEN_DECIMALS,
        claimPeriodSeconds: Math.max(1, Math.round(config.CLAIM_PERIOD / 1000)),
      });
      out(
        `Deployed StewardDistributorV2 on chain ${d.chainId} in block ${d.deploymentBlock}; the treasury ${d.treasury} approved the distributor for the token.`,
      );
      const { tokenProblem } = await import("./chain/tokenProblem.ts");
      const problem = await tokenProblem({ rpcUrl: config.RPC_URL, ...d, key: config.TREASURY_PRIVATE_KEY });
      if (problem) process.stderr.write(`${problem}\n`);
      out(
        `Put these in Steward's settings:\nCHAIN_ID=${d.chainId}\nTOKEN_ADDRESS=${d.token}\nDISTRIBUTOR_ADDRESS=${d.distributor}\nANCHOR_ADDRESS=${d.anchor}\nDEPLOYMENT_BLOCK=${d.deploymentBlock}`,
      );
      out(
        "The treasury owns and operates the distributor. For real money, hand ownership to the DAO's Safe (transferOwnership, then acceptOwnership from the Safe) and approve only what a period may pay: the allowance is the on-chain cap on what Steward's key can move.",
      );
      return problem ? 1 : 0;
    }
    case "sandbox": {
      const { runTerminalClient } = await import("@steward/discord-sandbox");
      const { findRunning } = await import("./runningInstance.ts");
      const running = findRunning(config.STEWARD_DATA_DIR)?.sandboxUrl;
      const url = rest[0] ?? running ?? `http://${config.SANDBOX_HOST}:${config.SANDBOX_PORT}`;
      const source = rest[0]
        ? "given"
        : running
          ? `the running Steward of ${config.STEWARD_DATA_DIR}`
          : `SANDBOX_PORT; no Steward runs on ${config.STEWARD_DATA_DIR}`;
      return runTerminalClient(url, source);
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (isUserError(error))
      process.stderr.write(`${userErrorMessage(translator("en"), error.code, error.context)}\n`);
    else process.stderr.write(`steward failed: ${(error as Error)?.name ?? "Error"}: ${safeMessage(error)}\n`);
    process.exit(1);
  },
);

/** Error text for the terminal with anything that looks like a credential removed. */
function safeMessage(error: unknown): string {
  const text = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
  return text.replace(/\/\/([^:/@\s]+):([^@\s]+)@/g, "//$1:***@").replace(/(Bot |Bearer )\S+/g, "$1***");
}
