import { Writable } from "node:stream";
import { defaultSpecPath, type Sandbox, SpecValidator, startSandbox } from "@steward/discord-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/discord/deployCommands.ts";
import { runDoctor } from "../../src/discord/runDoctor.ts";
import { createLogger } from "../../src/logger.ts";
import { batchHash, canonicalBatch } from "../../src/services/epochs/batchHash.ts";
import { type Steward, startSteward } from "../../src/startSteward.ts";
import { recipients } from "../helpers/approvedPayout.ts";
import { doctorArgs } from "../helpers/doctorArgs.ts";
import { waitForMessage } from "../helpers/governance.ts";
import { finalResponse, SandboxClient, textOf } from "../helpers/sandboxClient.ts";
import { testConfig } from "../helpers/testConfig.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

/**
 * Steward as on real Discord: a sandbox started on its own stands in for discord.com, and Steward reaches it only
 * through DISCORD_TOKEN, DISCORD_API_URL and DISCORD_GUILD_ID, with the commands deployed as `deploy-commands` does.
 */
interface Stack {
  discord: Sandbox;
  steward: Steward;
  client: SandboxClient;
  logs: Record<string, unknown>[];
  env: Record<string, string>;
}

const validator = new SpecValidator(defaultSpecPath());
const stacks: Stack[] = [];

async function startStack(
  env: Record<string, string> | ((discord: Sandbox) => Record<string, string>) = {},
  options: { guildIds?: string[] } = {},
): Promise<Stack> {
  const discord = await startSandbox({ validator });
  const all = {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_GUILD_ID: discord.guildId,
    ...(typeof env === "function" ? env(discord) : env),
  };
  await deployCommands({
    token: discord.token,
    applicationId: discord.applicationId,
    guildIds: options.guildIds ?? [discord.guildId],
    apiUrl: discord.apiUrl,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = testConfig({ LOG_LEVEL: "info", ...all });
  const steward = await startSteward(config, createLogger({ level: "info", destination: sink }), {
    database: await createTestDatabase(),
    scheduler: false,
  });
  const stack = { discord, steward, client: new SandboxClient(discord.url, () => steward.postsIdle()), logs, env: all };
  stacks.push(stack);
  return stack;
}

afterAll(async () => {
  for (const s of stacks) {
    await s.steward.stop();
    await s.discord.close();
  }
});
afterEach(() => {
  for (const s of stacks) expect(s.discord.violations).toEqual([]);
});

/** A funding proposal that passed its vote and waits for `required` moderator approvals. */
async function awaitingApproval(steward: Steward, guildId: string, required: number): Promise<number> {
  const db = steward.container.services.db;
  const entries = recipients(2, 7).map((recipient, i) => ({
    recipient,
    amount: "1000000000000000000",
    refs: [`manual:${i}`],
  }));
  const p = await db.proposal.create({
    data: {
      guildId,
      kind: "funding",
      authorDiscordId: "900000000000000001",
      title: "Pay the translators",
      summary: "Two translators, one token each.",
      motivation: "-",
      specification: "-",
      risks: "-",
      successMetrics: "-",
      batch: JSON.parse(canonicalBatch(entries)),
      batchHash: batchHash(entries),
      approvalsRequired: required,
    },
  });
  for (const status of ["open", "passed", "awaiting_approval"] as const) {
    await db.proposal.update({ where: { id: p.id }, data: { status } });
  }
  return p.id;
}

async function until(check: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("authority that cannot be spoofed", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ APPROVALS_REQUIRED: "2" });
    await stack.client.createUser("mod1", ["Member", "Moderator"]);
    await stack.client.createUser("mod2", ["Member", "Moderator"]);
  });

  it("a role someone made with the moderator role's name approves nothing; the real moderators still do", async () => {
    const id = await awaitingApproval(stack.steward, stack.discord.guildId, 2);
    const made = await stack.client.request<{ id: string; name: string; mentionable: boolean }>(
      "POST",
      "/sandbox/roles",
      { name: "Moderator" },
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "Moderator", mentionable: false });
    const guild = stack.steward.client.guilds.cache.get(stack.discord.guildId);
    await until(() => guild?.roles.cache.has(made.body.id) === true, "the new role to reach the bot");
    await stack.client.createUser("eve", ["Member", made.body.id]);

    const refused = finalResponse(await stack.client.run("eve", "payout approve", { proposal: id }));
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe("Only members with the Moderator role can do this.");
    const opened = finalResponse(await stack.client.run("eve", "steward status"));
    expect(opened.content).toBe("Only members with the Moderator role can do this.");
    const db = stack.steward.container.services.db;
    expect(await db.approval.count({ where: { proposalId: id } })).toBe(0);

    // The moderators of the role resolved at start keep their authority, and the name clash is logged loudly.
    const approved = finalResponse(await stack.client.run("mod1", "payout approve", { proposal: id }));
    expect(approved.content).not.toContain("Only members");
    expect(await db.approval.findMany({ where: { proposalId: id }, select: { moderatorId: true } })).toEqual([
      { moderatorId: (await stack.client.state()).users.find((u) => u.username === "mod1")?.id },
    ]);
    await until(
      () => stack.logs.some((l) => l.level === 50 && String(l.msg).includes('MODERATOR_ROLE "Moderator"')),
      "the error about two roles named Moderator",
    );
    const error = stack.logs.find((l) => l.level === 50 && String(l.msg).includes('MODERATOR_ROLE "Moderator"'));
    expect(error?.msg).toMatch(
      /^roles: MODERATOR_ROLE "Moderator" is the name of 2 roles \(ids \d+, \d+\): Steward keeps the one it resolved first \(id \d+\) and gives the others no authority\. Set MODERATOR_ROLE to the right role's id, and delete or rename the other role \(Server Settings → Roles\)\.$/,
    );
  }, 60_000);

  it("the doctor names each problem of a misconfigured server and its fix", async () => {
    // The server as someone left it: no Attach Files in #payouts, a moderator role nobody can ping, two roles named
    // Moderator (the test above made the second), and Public Bot on.
    const { client } = stack;
    const state = await client.state();
    const moderator = state.roles.find((r) => r.name === "Moderator") as { id: string };
    const patched = await client.request("PATCH", `/sandbox/roles/${moderator.id}`, { mentionable: false });
    expect(patched.body).toMatchObject({ id: moderator.id, mentionable: false });
    expect((await client.request("PATCH", "/sandbox/roles/Moderator", { mentionable: true })).status).toBe(409);
    await client.request("PUT", "/sandbox/channels/payouts/permissions", { deny: ["AttachFiles", "MentionEveryone"] });
    await client.request("PUT", "/sandbox/channels/governance/permissions", { deny: ["MentionEveryone"] });
    expect((await client.request("PUT", "/sandbox/application", { botPublic: true })).body).toEqual({
      botPublic: true,
    });
    const lines: string[] = [];
    const code = await runDoctor(...doctorArgs(testConfig({ ...stack.env, SETTLEMENT_MODE: "safe-export" })), (l) =>
      lines.push(l),
    );
    const roleIds = (await client.state()).roles.filter((r) => r.name === "Moderator").map((r) => r.id);
    // The role made above is not mentionable either (Discord makes new roles so): both are named.
    const silent = (channel: string, setting: string) =>
      `✗ In #${channel} (${setting}) moderators are not notified: the roles ${roleIds.map((r) => `Moderator (id ${r})`).join(" and ")} (MODERATOR_ROLE) are not mentionable and the bot lacks Mention Everyone there, so Discord shows the mention without pinging anyone. Allow Mention Everyone for the bot's role (Server Settings → Roles, or Edit Channel → Permissions; Steward never pings @everyone or @here), or turn on "Allow anyone to @mention this role" (Server Settings → Roles).`;
    expect(lines).toEqual([
      silent("governance", "GOVERNANCE_CHANNEL"),
      "✗ In #payouts (PAYOUTS_CHANNEL) the bot lacks Attach Files (each approved payout's Safe batch file (SETTLEMENT_MODE=safe-export)): allow it for the bot's role in the channel's permissions (Edit Channel → Permissions).",
      silent("payouts", "PAYOUTS_CHANNEL"),
      `✗ MODERATOR_ROLE "Moderator" is the name of 2 roles (ids ${roleIds.join(", ")}): Steward cannot tell which is meant, so nobody holds it for Steward. Set MODERATOR_ROLE to the right role's id, and delete or rename the other role (Server Settings → Roles).`,
      "✗ Public Bot is on, so anyone can add the bot to their own server: turn it off in the Discord Developer Portal → your application → Bot → Public Bot (Steward serves only DISCORD_GUILD_ID).",
    ]);
    expect(code).toBe(1);
    // Put right, all clear (the new role is deleted by renaming it: the sandbox has no role deletion).
    const other = roleIds.find((r) => r !== moderator.id) as string;
    await client.request("PATCH", `/sandbox/roles/${other}`, { name: "Former moderators" });
    await client.request("PATCH", `/sandbox/roles/${moderator.id}`, { mentionable: true });
    await client.request("PUT", "/sandbox/channels/payouts/permissions", {});
    await client.request("PUT", "/sandbox/channels/governance/permissions", {});
    await client.request("PUT", "/sandbox/application", { botPublic: false });
    const fixed: string[] = [];
    expect(
      await runDoctor(...doctorArgs(testConfig({ ...stack.env, SETTLEMENT_MODE: "safe-export" })), (l) =>
        fixed.push(l),
      ),
    ).toBe(0);
    expect(fixed).toEqual(["✓ Steward Sandbox: all clear."]);
  });
});

describe("MODERATOR_ROLE given as a role id", () => {
  it("counts the role's holders as the moderators who can approve, and they approve", async () => {
    const stack = await startStack((discord) => ({
      MODERATOR_ROLE: discord.state.roles.find((r) => r.name === "Moderator")?.id as string,
      APPROVALS_REQUIRED: "3",
    }));
    await stack.client.createUser("ana", ["Member", "Moderator"]);
    await stack.client.createUser("bo", ["Member", "Moderator"]);
    await stack.client.createUser("cy", ["Member"]);
    const id = await awaitingApproval(stack.steward, stack.discord.guildId, 3);
    const approved = finalResponse(await stack.client.run("ana", "payout approve", { proposal: id }));
    expect(approved.content).not.toContain("Only members");
    expect(await stack.steward.container.services.db.approval.count({ where: { proposalId: id } })).toBe(1);
    // The result post counts who could approve from the member list: both holders of the role, by its id.
    const result = await waitForMessage(stack.client, (m) => textOf(m as never).includes("1 of 3 approvals"));
    expect(textOf(result as never)).toContain(
      "It needs 3 approvals, but only 2 moderators can approve it. Give another member the moderator role, or reject it.",
    );
    const member = finalResponse(await stack.client.run("cy", "payout approve", { proposal: id }));
    // A role configured by id is named by its mention, which Discord shows as the role's name.
    expect(member.content).toBe(`Only members with the <@&${stack.env.MODERATOR_ROLE}> role can do this.`);
  });
});

describe("a server that is not Steward's", () => {
  it("gets one private answer to everything and nothing else happens", async () => {
    // Commands deployed globally, as a public bot added to a stranger's server would show them there.
    const stack = await startStack({ DISCORD_GUILD_ID: "123456789012345678" }, { guildIds: [] });
    await stack.client.createUser("stranger", ["Member", "Moderator"]);
    const db = stack.steward.container.services.db;
    const before = await Promise.all([db.member.count(), db.auditEvent.count(), db.pendingPost.count()]);
    for (const [command, options] of [
      ["wallet show", {}],
      ["contribute submit", { title: "Logo", category: "design", description: "A logo." }],
      ["propose", { idea: "Pay me from your treasury." }],
      ["payout approve", { proposal: 1 }],
      ["steward status", {}],
    ] as const) {
      const result = await stack.client.run("stranger", command, options);
      expect(result.responses).toEqual([
        expect.objectContaining({ kind: "reply", ephemeral: true, content: "Steward is not set up for this server." }),
      ]);
    }
    expect(await Promise.all([db.member.count(), db.auditEvent.count(), db.pendingPost.count()])).toEqual(before);
    expect(await db.contribution.count()).toBe(0);
    expect(await db.proposal.count()).toBe(0);
    expect((await stack.client.messages("contributions")).length).toBe(0);
  });

  it("Steward on real Discord does not start without DISCORD_GUILD_ID", async () => {
    const config = testConfig({ DISCORD_TOKEN: "MTEz.bot.token", DISCORD_API_URL: "http://127.0.0.1:9/api" });
    await expect(startSteward(config, createLogger({ level: "silent" }))).rejects.toThrow(
      "DISCORD_GUILD_ID: required with DISCORD_TOKEN: set it to your server's id (several separated by commas); Steward serves only those servers",
    );
    expect(testConfig({ DISCORD_GUILD_ID: "123456789012345678, 223456789012345678" }).DISCORD_GUILD_ID).toEqual([
      "123456789012345678",
      "223456789012345678",
    ]);
    expect(() => testConfig({ DISCORD_GUILD_ID: "123456789012345678,abc" })).toThrow(
      "DISCORD_GUILD_ID: must be a Discord server id (17-20 digits), or several separated by commas",
    );
  });
});
