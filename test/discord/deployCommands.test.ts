import { defaultSpecPath, type Sandbox, SpecValidator, startSandbox } from "@steward/discord-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.ts";
import { deployCommands } from "../../src/discord/deployCommands.ts";

let discord: Sandbox;
beforeAll(async () => {
  discord = await startSandbox({ validator: new SpecValidator(defaultSpecPath()) });
});
afterAll(() => discord.close());

const names = (commands: { name: string }[]) => commands.map((c) => c.name).sort();
const steward = commandDefinitions.map((c) => c.name).sort();

describe("deploy-commands keeps one scope", () => {
  it("deploying to the guild removes Steward's global copies (others stay); deploying globally removes the guild's", async () => {
    const deploy = (guildIds?: string[]) =>
      deployCommands({ token: discord.token, applicationId: discord.applicationId, guildIds, apiUrl: discord.apiUrl });
    const global = await deploy();
    expect(global).toEqual({ scope: "global", count: steward.length, removed: [] });
    // Another command of the application's, registered globally by someone else: not Steward's to remove.
    const res = await fetch(`${discord.apiUrl}/v10/applications/${discord.applicationId}/commands`, {
      method: "PUT",
      headers: { authorization: `Bot ${discord.token}`, "content-type": "application/json" },
      body: JSON.stringify([
        ...discord.state.globalCommands.map((c) => ({ id: c.id, name: c.name, description: c.description, type: 1 })),
        { name: "other", description: "Not Steward's", type: 1 },
      ]),
    });
    expect(res.status).toBe(200);

    const toGuild = await deploy([discord.guildId]);
    expect(toGuild).toEqual({
      scope: "guild",
      count: steward.length,
      removed: [{ scope: "global", count: steward.length }],
    });
    expect(names(discord.state.guildCommands)).toEqual(steward);
    expect(names(discord.state.globalCommands)).toEqual(["other"]);
    // Deployed again: nothing left to remove, nothing written to the global scope.
    expect((await deploy([discord.guildId])).removed).toEqual([]);

    const back = await deploy();
    expect(back.removed).toEqual([{ scope: `guild ${discord.guildId}`, count: steward.length }]);
    expect(discord.state.guildCommands).toEqual([]);
    expect(names(discord.state.globalCommands)).toEqual(steward);
    expect(discord.violations).toEqual([]);
  });
});
