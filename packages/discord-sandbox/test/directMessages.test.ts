import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SandboxClient } from "../src/sandboxClient.ts";
import { defaultSpecPath, SpecValidator } from "../src/specValidator.ts";
import { startSandbox } from "../src/startSandbox.ts";

const dir = mkdtempSync(join(tmpdir(), "steward-dms-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** A REST call as the bot makes it. */
async function rest(sandbox: Sandbox, method: string, path: string, body?: object) {
  const res = await fetch(`${sandbox.apiUrl}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("direct messages, as Discord answers them", () => {
  it("opens one DM channel per user, delivers into it, and refuses with 50007 once the user closes DMs", async () => {
    const stateFile = join(dir, "sandbox.jsonl");
    const validator = new SpecValidator(defaultSpecPath());
    const first = await startSandbox({ stateFile, port: 0, validator });
    const client = new SandboxClient(first.url);
    const dana = await client.createUser("dana", ["Member"]);

    const opened = await rest(first, "POST", "/users/@me/channels", { recipient_id: dana.id });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ type: 1, recipients: [{ id: dana.id, username: "dana" }] });
    const channelId = String(opened.body.id);
    // Asking again gives the same channel, as on Discord.
    expect((await rest(first, "POST", "/users/@me/channels", { recipient_id: dana.id })).body.id).toBe(channelId);
    expect(
      (await rest(first, "POST", "/users/@me/channels", { recipient_id: "123456789012345678" })).body,
    ).toMatchObject({ code: 10013 });

    const sent = await rest(first, "POST", `/channels/${channelId}/messages`, {
      content: "Vote reminder",
      nonce: "r1",
      enforce_nonce: true,
    });
    expect(sent.status).toBe(200);
    const again = await rest(first, "POST", `/channels/${channelId}/messages`, {
      content: "Vote reminder (again)",
      nonce: "r1",
      enforce_nonce: true,
    });
    expect(again.body.id).toBe(sent.body.id);
    expect(await client.dms("dana")).toMatchObject({ open: true, channelId, messages: [{ content: "Vote reminder" }] });

    // The user's "Direct Messages" privacy setting off: Discord answers 403, code 50007.
    expect(await client.setDms("dana", false)).toMatchObject({ open: false });
    const refused = await rest(first, "POST", `/channels/${channelId}/messages`, { content: "Another reminder" });
    expect(refused).toEqual({ status: 403, body: { code: 50007, message: "Cannot send messages to this user" } });
    expect((await client.dms("dana")).messages).toHaveLength(1);
    expect(first.violations).toEqual([]);
    await first.close();

    // The journal keeps the channel, its messages and the setting across a restart.
    const second = await startSandbox({ stateFile, port: 0 });
    const after = new SandboxClient(second.url);
    expect(await after.dms("dana")).toMatchObject({ open: false, channelId, messages: [{ content: "Vote reminder" }] });
    expect((await rest(second, "POST", "/users/@me/channels", { recipient_id: dana.id })).body.id).toBe(channelId);
    expect((await rest(second, "POST", `/channels/${channelId}/messages`, { content: "x" })).body).toMatchObject({
      code: 50007,
    });
    await after.setDms("dana", true);
    expect((await rest(second, "POST", `/channels/${channelId}/messages`, { content: "Open again" })).status).toBe(200);
    // A user who left every guild the bot is in cannot be sent a DM either.
    await after.createUser("dana", ["Member"], { inGuild: false });
    expect((await rest(second, "POST", `/channels/${channelId}/messages`, { content: "y" })).body).toMatchObject({
      code: 50007,
    });
    await second.close();
  });
});
