import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.client.createUser("kim", ["Member"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

describe("the bot on the sandbox", () => {
  it("registers exactly its command definitions in the sandbox guild", async () => {
    const stored = await stack.client.commands();
    expect(stored.map((c) => c.name).sort()).toEqual(commandDefinitions.map((c) => c.name).sort());
    const state = await stack.client.state();
    expect(state.channels.map((c) => c.name)).toEqual(["general", "contributions", "governance", "payouts", "compute"]);
    expect(state.roles.map((r) => r.name)).toEqual(["Member", "Moderator", "Provider", "Juror"]);
  });

  it("/help lists the commands the caller may use", async () => {
    const reply = finalResponse(await stack.client.run("kim", "help"));
    expect(reply.ephemeral).toBe(true);
    const text = reply.embeds[0]?.description ?? "";
    for (const path of [
      "contribute submit",
      "contribute list",
      "contribute show",
      "contribute withdraw",
      "wallet link",
      "wallet verify",
      "wallet show",
      "help",
    ]) {
      expect(text).toContain(`\`/${path}\``);
    }
  });

  it("answers an unexpected failure with an incident id, logs it with context, and never shows the raw error", async () => {
    const driver = stack.steward.container.database.driver;
    await driver.exec('ALTER TABLE "Contribution" RENAME TO "Contribution_gone"');
    try {
      const reply = finalResponse(await stack.client.run("kim", "contribute list", { scope: "all" }));
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(
        /^Something went wrong on our side and nothing was changed\. .*incident id: `[0-9a-f]{8}`\.$/,
      );
      expect(reply.content).not.toMatch(/Contribution|relation|prisma|exist/i);
      const incidentId = /`([0-9a-f]{8})`/.exec(reply.content)?.[1];
      const logged = stack.logs.find((l) => l.incidentId === incidentId);
      expect(logged).toMatchObject({ level: 50, command: "contribute list", msg: "interaction failed" });
      expect(logged?.err).toBeDefined();
    } finally {
      await driver.exec('ALTER TABLE "Contribution_gone" RENAME TO "Contribution"');
    }
  });

  it("keeps working after Discord asks it to reconnect (RESUME) and after its session is invalidated", async () => {
    await stack.client.request("POST", "/sandbox/gateway/reconnect");
    await waitUntil(() => stack.sandbox.gateway.connected);
    expect(finalResponse(await stack.client.run("kim", "help")).embeds[0]?.title).toBe("Steward commands you can use");

    await stack.client.request("POST", "/sandbox/gateway/invalidate");
    await waitUntil(() => stack.sandbox.gateway.connected, 20_000);
    expect(finalResponse(await stack.client.run("kim", "wallet show")).content).toMatch(/not linked a wallet yet/);
  });

  it("explains control API mistakes", async () => {
    const unknownUser = await stack.client.request<{ error: string }>("POST", "/sandbox/interactions", {
      user: "nobody",
      command: "help",
    });
    expect(unknownUser).toEqual({
      status: 404,
      body: { error: 'There is no user "nobody" in the sandbox. Create one with POST /sandbox/users.' },
    });
    const unknownCommand = await stack.client.request<{ error: string }>("POST", "/sandbox/interactions", {
      user: "kim",
      command: "dance",
    });
    expect(unknownCommand.status).toBe(400);
    expect(unknownCommand.body.error).toMatch(/^There is no command \/dance\. Registered commands: /);
    const badOption = await stack.client.request<{ error: string }>("POST", "/sandbox/interactions", {
      user: "kim",
      command: "contribute submit",
      options: { title: "t", category: "poetry", description: "d" },
    });
    expect(badOption.body.error).toBe(
      '"poetry" is not a choice for category. Choose one of: code, docs, design, research, community, ops, other.',
    );
    const missing = await stack.client.request<{ error: string }>("POST", "/sandbox/interactions", {
      user: "kim",
      command: "contribute",
    });
    expect(missing.body.error).toBe("/contribute needs a subcommand: submit, list, show, withdraw.");
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  // After a reconnect request the client first closes the old socket; wait for that, then for the new one.
  await new Promise((r) => setTimeout(r, 200));
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for the gateway");
    await new Promise((r) => setTimeout(r, 50));
  }
}
