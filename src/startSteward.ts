import { join } from "node:path";
import type { SpecValidator } from "@steward/discord-sandbox";
import { resetSandboxJournal, type Sandbox, startSandbox } from "@steward/discord-sandbox";
import type { GithubSandbox, SpecValidator as GithubSpecValidator } from "@steward/github-sandbox";
import { type Client, Status } from "discord.js";
import { type Config, ConfigError } from "./config.ts";
import { type Container, createContainer } from "./container.ts";
import { listenForNotifications } from "./db/listenForNotifications.ts";
import type { Database } from "./db/openDatabase.ts";
import { reportSetup } from "./discord/checkSetup.ts";
import { createElectorate } from "./discord/createElectorate.ts";
import { deployCommands } from "./discord/deployCommands.ts";
import { closeGate, createInteractionGate } from "./discord/interactionGate.ts";
import { withMemberListCache } from "./discord/memberListCache.ts";
import { startPublisher } from "./discord/publisher/startPublisher.ts";
import { createDiscordClient, startBot } from "./discord/startBot.ts";
import {
  githubConnection,
  githubSandboxPort,
  githubSandboxPortIsDefault,
  type LocalGithub,
} from "./githubConnection.ts";
import { bindHttpServer } from "./http/bindHttpServer.ts";
import { serveHttp } from "./http/createHttpServer.ts";
import type { Readiness } from "./http/httpDeps.ts";
import { closeVotesJob } from "./jobs/closeVotesJob.ts";
import { createJobKicker } from "./jobs/createJobKicker.ts";
import { evaluateJob } from "./jobs/evaluateJob.ts";
import { remindJob } from "./jobs/remindJob.ts";
import { settleJob } from "./jobs/settleJob.ts";
import { startScheduler } from "./jobs/startScheduler.ts";
import { watchNodeHealth } from "./jobs/watchNodeHealth.ts";
import { watchReminders } from "./jobs/watchReminders.ts";
import { watchVoteDeadlines } from "./jobs/watchVoteDeadlines.ts";
import { type Logger, secretValues } from "./logger.ts";
import { sandboxChainProblems } from "./sandboxChainProblems.ts";
import { resumeDeviceFlows } from "./services/github/linkGithub.ts";
import { POSTS_NOTIFY_CHANNEL } from "./services/publishing/enqueuePosts.ts";
import { discordSettings } from "./settingsFromConfig.ts";
import { startLocalGithub } from "./startLocalGithub.ts";

export interface Steward {
  container: Container;
  /** The chain payouts settle on (absent without one: payouts stop at approved). */
  chain?: { rpcUrl: string; token: string; distributor: string; blocked: string | null };
  client: Client<true>;
  sandbox?: Sandbox;
  /** The local GitHub the sandbox started (absent with GITHUB_API_URL or a real Discord). */
  github?: GithubSandbox;
  /** Steward's HTTP server (node agents' API): the URL it listens on. */
  http: { url: string };
  /** Resolves once no evaluation run started by a submission is in progress. */
  evaluationsIdle(): Promise<void>;
  /** Resolves once the publisher has made every queued post that Discord does not refuse (tests, benches). */
  postsIdle(): Promise<void>;
  /**
   * Stops in bounded time: schedules and watchers first, then no new interactions or HTTP requests; running work
   * gets `graceMs` (SHUTDOWN_GRACE) to reach a safe point, and what remains waits in the database for the next
   * start; then the gateway, the HTTP server, the local chain and the database close.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  database?: Database;
  /** Checks every sandbox REST body against Discord's OpenAPI spec (tests). */
  validator?: SpecValidator;
  /** Checks every local GitHub answer against GitHub's OpenAPI description (tests). */
  githubValidator?: GithubSpecValidator;
  /** Run scheduled jobs in this process (default true). */
  scheduler?: boolean;
  /** Close votes the moment they end (default: as `scheduler`). */
  watchVoteDeadlines?: boolean;
  now?: () => Date;
  /** "persist" (default): the sandbox's guild, users and messages live in STEWARD_DATA_DIR/sandbox.jsonl. */
  sandboxState?: "persist" | "memory";
  /** Start the sandbox from scratch: a new guild, no users, no messages (the database is kept). */
  resetSandbox?: boolean;
}

/**
 * Starts Steward. Without DISCORD_TOKEN it first starts the local Discord sandbox and registers the commands in
 * its guild; with a token it connects to Discord itself.
 */
export async function startSteward(config: Config, logger: Logger, options: StartOptions = {}): Promise<Steward> {
  let sandbox: Sandbox | undefined;
  let githubSandbox: GithubSandbox | undefined;
  let localGithub: LocalGithub | undefined;
  if (config.DISCORD_TOKEN && !config.DISCORD_GUILD_ID) {
    // Without it, anyone who adds the bot to their own server could propose, vote, approve and be paid there.
    throw new ConfigError([
      "DISCORD_GUILD_ID: required with DISCORD_TOKEN: set it to your server's id (several separated by commas); Steward serves only those servers",
    ]);
  }
  if (!config.DISCORD_TOKEN) {
    const refused = sandboxChainProblems(config);
    if (refused.length > 0) throw new ConfigError(refused);
    const stateFile = options.sandboxState === "memory" ? undefined : join(config.STEWARD_DATA_DIR, "sandbox.jsonl");
    if (stateFile && options.resetSandbox && resetSandboxJournal(stateFile)) {
      logger.info({ component: "sandbox", stateFile }, "sandbox reset: a new guild with no users or messages");
    }
    sandbox = await startSandbox({
      stateFile,
      port: config.SANDBOX_PORT,
      host: config.SANDBOX_HOST,
      validator: options.validator,
      log: (line) => logger.warn({ component: "sandbox" }, line),
      info: (line) => logger.info({ component: "sandbox" }, line),
    });
    // The local GitHub beside it, unless GITHUB_API_URL names another one: code links are checked against it.
    if (!config.GITHUB_API_URL) {
      const started = await startLocalGithub({
        port: githubSandboxPort(config),
        anyPortIfTaken: githubSandboxPortIsDefault(config),
        host: config.SANDBOX_HOST,
        stateFile: options.sandboxState === "memory" ? undefined : join(config.STEWARD_DATA_DIR, "github-sandbox.json"),
        validator: options.githubValidator,
        log: (line) => logger.warn({ component: "github-sandbox" }, line),
      }).catch(async (error: unknown) => {
        await sandbox?.close();
        throw error;
      });
      githubSandbox = started.sandbox;
      localGithub = started.local;
      logger.info({ component: "github-sandbox", url: started.sandbox.url }, "local GitHub started");
    }
  }
  const closeSandboxes = async () => {
    await sandbox?.close();
    await githubSandbox?.close();
  };
  const settings = discordSettings(config);
  const token = sandbox?.token ?? config.DISCORD_TOKEN ?? "";
  // The servers Steward serves: the configured ones, else the sandbox's own guild.
  const guildIds = config.DISCORD_GUILD_ID ?? (sandbox ? [sandbox.guildId] : []);
  const apiUrl = sandbox?.apiUrl ?? config.DISCORD_API_URL;
  const discord = createDiscordClient(apiUrl);
  // The HTTP port first: wallet link messages name its address, and the services are built once, knowing it.
  const bound = await bindHttpServer(config.HTTP_HOST, config.HTTP_PORT).catch(async (error: unknown) => {
    await closeSandboxes();
    throw error;
  });
  const httpUrl = config.PUBLIC_URL ?? bound.url;
  const container = await createContainer(config, logger, {
    role: "start",
    ...(options.database ? { database: options.database } : {}),
    ...(options.now ? { now: options.now } : {}),
    electorate: withMemberListCache(createElectorate(discord, settings)),
    chain: { sandbox: Boolean(sandbox), own: true },
    httpUrl,
    github: githubConnection(config, localGithub),
  }).catch(async (error: unknown) => {
    await bound.close();
    await closeSandboxes();
    throw error;
  });
  const chain = container.chain;
  const shutdown = new AbortController();
  const publisher = startPublisher({
    client: discord,
    services: container.services,
    settings,
    logger,
    listen: (onNotify) =>
      listenForNotifications(container.database.url, POSTS_NOTIFY_CHANNEL, onNotify, (err) =>
        logger.warn({ err }, "lost the database notifications of new posts: reconnecting (polling meanwhile)"),
      ),
  });
  const jobDeps = { services: container.services, logger, signal: shutdown.signal, posts: publisher };
  const evaluations = createJobKicker(evaluateJob, jobDeps);
  const settle = createJobKicker(settleJob, jobDeps);
  // Closing a vote may approve a payout (below AUTO_APPROVE_BELOW): settle it right after.
  const closeVotes = createJobKicker(closeVotesJob, jobDeps, { after: settle.kick });
  const remind = createJobKicker(remindJob, jobDeps);
  const gate = createInteractionGate();
  let http: Awaited<ReturnType<typeof serveHttp>> | null = null;
  try {
    // /readyz asks these; the bot's answers "not connected yet" until it is up.
    const readiness: Readiness = {
      discord: () => "not connected yet",
      chain: async () => {
        const s = container.services.settlement;
        if (!s) return null;
        if (s.blocked) return s.blocked;
        await s.chain.blockNumber();
        return null;
      },
    };
    http = await serveHttp(bound, {
      services: container.services,
      logger,
      guildId: sandbox?.guildId ?? config.DISCORD_GUILD_ID?.[0],
      readiness,
      trustProxy: config.TRUST_PROXY,
      metricsToken: config.METRICS_TOKEN,
      secrets: secretValues(config),
      githubWebhookSecret: config.GITHUB_WEBHOOK_SECRET,
    });
    const client = await startBot(
      discord,
      {
        services: container.services,
        settings,
        logger,
        kickEvaluations: evaluations.kick,
        kickSettlement: settle.kick,
        gate,
        posts: publisher,
        httpUrl,
        guildIds,
      },
      token,
    );
    readiness.discord = () =>
      client.isReady() && client.ws.status === Status.Ready
        ? null
        : `gateway ${Status[client.ws.status] ?? client.ws.status}`;
    if (sandbox) {
      await deployCommands({ token, applicationId: client.application.id, guildIds: [sandbox.guildId], apiUrl });
    }
    // In the background: a slow member list must not hold up the start.
    for (const guild of client.guilds.cache.values()) {
      if (guildIds.includes(guild.id)) void reportSetup(client, guild, settings, logger);
    }
    const scheduler =
      options.scheduler === false
        ? undefined
        : startScheduler(
            jobDeps,
            {
              evaluate: config.EVALUATION_CRON,
              "close-epoch": config.EPOCH_CRON,
              "close-votes": config.CLOSE_VOTES_CRON,
              settle: config.SETTLEMENT_CRON,
              "node-health": "* * * * *",
            },
            { evaluate: evaluations, "close-votes": closeVotes, settle, remind },
          );
    const watch = options.watchVoteDeadlines ?? options.scheduler !== false;
    const stopWatching = watch ? watchVoteDeadlines(container.services, logger, closeVotes.kick) : () => {};
    const stopNodeWatch = watch ? watchNodeHealth(container.services, logger) : () => {};
    // A reminder that fell due while Steward was down goes out at once (the watcher's first look).
    const stopReminderWatch = watch ? watchReminders(container.services, logger, remind.kick) : () => {};
    // Contributions submitted while Steward was down are evaluated right away, not at the next tick.
    evaluations.kick();
    // `/github link` device flows left pending by the previous run are polled again (the code may have been entered).
    void resumeDeviceFlows(container.services, logger).catch((err: unknown) =>
      logger.warn({ err }, "could not resume the pending GitHub device flows"),
    );
    // Payouts approved (or interrupted) while Steward was down are paid now, not at the next tick.
    if (options.scheduler !== false) settle.kick();
    const s = chain?.settlement;
    return {
      container,
      client,
      http: { url: http.url },
      ...(s && chain
        ? {
            chain: { rpcUrl: chain.rpcUrl, token: s.chain.token, distributor: s.chain.distributor, blocked: s.blocked },
          }
        : {}),
      ...(sandbox ? { sandbox } : {}),
      ...(githubSandbox ? { github: githubSandbox } : {}),
      evaluationsIdle: evaluations.idle,
      postsIdle: () => publisher.idle(),
      async stop(graceMs = config.SHUTDOWN_GRACE) {
        const started = Date.now();
        const deadline = started + graceMs;
        const log = logger.child({ component: "shutdown" });
        // 1. No new work: schedules, watchers and kicks stop; interactions and HTTP requests are turned away.
        scheduler?.stop();
        stopWatching();
        stopNodeWatch();
        stopReminderWatch();
        for (const k of [evaluations, closeVotes, settle, remind]) k.stop();
        // GitHub device flows stop polling; they stay pending in the database and the next start resumes them.
        container.services.github?.links.stop();
        shutdown.abort();
        const httpClosed = http?.close();
        log.info({ graceMs }, "stopping: no new work is taken; running work has the grace period to finish");
        // 2. Running work reaches its next safe point; the publisher finishes the message it is sending.
        const [unanswered, posts, jobsDone] = await Promise.all([
          closeGate(gate, deadline),
          publisher.stop(deadline),
          until(
            deadline,
            Promise.all([evaluations.idle(), closeVotes.idle(), settle.idle(), remind.idle(), scheduler?.idle()]),
          ),
        ]);
        const left = await Promise.race([
          waitingWork(container).catch(() => undefined),
          new Promise<undefined>((r) => setTimeout(() => r(undefined), 300).unref()),
        ]);
        log.info(
          {
            seconds: (Date.now() - started) / 1000,
            unansweredInteractions: unanswered,
            jobsStillRunning: !jobsDone,
            sendingPosts: posts.sending,
            ...left,
          },
          left && (left.queuedPosts > 0 || left.contributionsToEvaluate > 0)
            ? `work stopped: ${left.queuedPosts} post(s) wait in the outbox and ${left.contributionsToEvaluate} contribution(s) wait for evaluation; the next start resumes them`
            : "work stopped: nothing left waiting",
        );
        // 3. Close what this process runs within CLOSE_BUDGET_MS: a step that hangs must not keep the process alive
        // (the managed database server and the local chain also stop on their own once the process is gone).
        const closeBy = Date.now() + CLOSE_BUDGET_MS;
        const closed = [
          await until(closeBy, client.destroy()),
          await until(closeBy, httpClosed ?? Promise.resolve()),
          await until(closeBy, closeSandboxes()),
          // The chain Steward runs stops with the container.
          await until(closeBy, container.close()),
        ];
        const seconds = (Date.now() - started) / 1000;
        if (closed.every(Boolean)) log.info({ seconds }, "stopped");
        else log.warn({ seconds }, "stopped without waiting for everything to close (it closes on its own)");
      },
    };
  } catch (error) {
    await publisher.stop(Date.now());
    await (http?.close() ?? bound.close());
    await closeSandboxes();
    await container.close();
    throw error;
  }
}

/** After the grace period, what closing the gateway, servers, chain and database may take at most. */
export const CLOSE_BUDGET_MS = 1_200;

/** Waits for `work` until `deadline` (epoch ms): whether it finished in time. */
async function until(deadline: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([
      work.then(
        () => true as const,
        () => true as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the next start resumes: posts in the outbox and contributions not evaluated yet. */
async function waitingWork(container: Container) {
  const db = container.services.db;
  const [queuedPosts, contributionsToEvaluate] = await Promise.all([
    db.pendingPost.count(),
    db.contribution.count({ where: { status: { in: ["submitted", "evaluating"] } } }),
  ]);
  return { queuedPosts, contributionsToEvaluate };
}
