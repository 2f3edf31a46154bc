import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxClient } from "../src/sandboxClient.ts";
import { defaultSpecPath, SpecValidator } from "../src/specValidator.ts";
import { type Sandbox, startSandbox } from "../src/startSandbox.ts";

let discord: Sandbox;
let client: SandboxClient;
beforeAll(async () => {
  discord = await startSandbox({ validator: new SpecValidator(defaultSpecPath()) });
  client = new SandboxClient(discord.url);
});
afterAll(() => discord.close());

/** A message the bot creates over REST, as discord.js sends it. */
async function create(channel: string, body: object, files?: { name: string; data: string }[]) {
  const channelId = discord.state.channels.find((c) => c.name === channel)?.id as string;
  let init: RequestInit;
  if (files) {
    const form = new FormData();
    form.set("payload_json", JSON.stringify(body));
    for (const [i, f] of files.entries()) form.set(`files[${i}]`, new Blob([f.data]), f.name);
    init = { method: "POST", headers: { authorization: `Bot ${discord.token}` }, body: form };
  } else {
    init = {
      method: "POST",
      headers: { authorization: `Bot ${discord.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    };
  }
  const res = await fetch(`${discord.apiUrl}/v10/channels/${channelId}/messages`, init);
  return { status: res.status, body: (await res.json()) as { code?: number; mention_roles?: string[] } };
}

describe("who a bot's message notifies, and files, as on Discord", () => {
  it("a role that is not mentionable is pinged only with Mention Everyone; @everyone too", async () => {
    const moderator = (await client.state()).roles.find((r) => r.name === "Moderator") as { id: string };
    const ping = {
      content: `<@&${moderator.id}> a payout waits`,
      allowed_mentions: { parse: [], roles: [moderator.id] },
    };
    expect((await create("governance", ping)).body.mention_roles).toEqual([moderator.id]);

    await client.request("PATCH", `/sandbox/roles/${moderator.id}`, { mentionable: false });
    // The bot still has Mention Everyone (the sandbox's @everyone role grants it): the role is pinged.
    expect((await create("governance", ping)).body.mention_roles).toEqual([moderator.id]);
    await client.request("PUT", "/sandbox/channels/governance/permissions", { deny: ["MentionEveryone"] });
    const silent = await create("governance", ping);
    expect(silent.status).toBe(200);
    expect(silent.body.mention_roles).toEqual([]);
    const messages = await client.messages("governance");
    expect(messages.at(-1)?.mentions).toEqual({ everyone: false, users: [], roles: [] });
    const everyone = await create("governance", { content: "@everyone look" });
    expect((everyone.body as { mention_everyone?: boolean }).mention_everyone).toBe(false);

    // Mentionable again: anyone may ping it, the bot included.
    await client.request("PATCH", `/sandbox/roles/${moderator.id}`, { mentionable: true });
    expect((await create("governance", ping)).body.mention_roles).toEqual([moderator.id]);
    await client.request("PUT", "/sandbox/channels/governance/permissions", {});
  });

  it("a file without Attach Files is refused with 50013 Missing Permissions", async () => {
    await client.request("PUT", "/sandbox/channels/payouts/permissions", { deny: ["AttachFiles"] });
    const refused = await create("payouts", { content: "Safe batch" }, [{ name: "batch.json", data: "{}" }]);
    expect(refused).toMatchObject({ status: 403, body: { code: 50013 } });
    expect((await create("payouts", { content: "No file" })).status).toBe(200);
    await client.request("PUT", "/sandbox/channels/payouts/permissions", {});
    expect((await create("payouts", { content: "Safe batch" }, [{ name: "batch.json", data: "{}" }])).status).toBe(200);
  });

  it("roles with the same name, and the application's Public Bot setting, answer in Discord's shape", async () => {
    const made = await client.request<{ id: string }>("POST", "/sandbox/roles", {
      name: "Provider",
      mentionable: true,
    });
    expect(made.status).toBe(201);
    expect((await client.request("PATCH", "/sandbox/roles/Provider", { mentionable: false })).status).toBe(409);
    const state = await client.request<{ roles: { name: string }[]; application: { botPublic: boolean } }>(
      "GET",
      "/sandbox/state",
    );
    expect(state.body.roles.filter((r) => r.name === "Provider")).toHaveLength(2);
    expect(state.body.application).toEqual({ botPublic: false });
    const appOf = async () =>
      (await (
        await fetch(`${discord.apiUrl}/v10/applications/@me`, { headers: { authorization: `Bot ${discord.token}` } })
      ).json()) as { bot_public: boolean };
    expect((await appOf()).bot_public).toBe(false);
    await client.request("PUT", "/sandbox/application", { botPublic: true });
    expect((await appOf()).bot_public).toBe(true);
    expect((await client.request("PUT", "/sandbox/application", { botPublic: "yes" })).status).toBe(400);
    const user = await client.createUser("pia", ["Member", made.body.id]);
    expect(user.roles).toEqual(["Member", made.body.id]);
    expect(discord.violations).toEqual([]);
  });
});
