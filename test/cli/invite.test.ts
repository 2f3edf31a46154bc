import { spawn } from "node:child_process";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@steward/discord-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = join(process.cwd(), "bin", "steward.js");

/** `steward …` as a person runs it, with only these settings. */
function steward(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    p.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    p.once("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

const reasons = (attachFiles: boolean) => [
  "- View Channel (1024): to see the channel",
  "- Send Messages (2048): to post",
  "- Embed Links (16384): posts are embeds",
  ...(attachFiles
    ? ["- Attach Files (32768): each approved payout's Safe batch file (SETTLEMENT_MODE=safe-export)"]
    : []),
  "- Read Message History (65536): results and evaluations reply to their post",
  "- Mention Everyone (131072): to notify the moderator role when it is not mentionable; Steward never pings @everyone or @here",
  "Nothing else: Steward never moderates, deletes or manages anything.",
  "",
  "Then turn off Public Bot (Developer Portal → your application → Bot → Public Bot), so that only you can add the bot to a server.",
];

let discord: Sandbox;
beforeAll(async () => {
  discord = await startSandbox();
});
afterAll(() => discord.close());

describe("steward invite", () => {
  it("prints the invite URL with the permissions the configuration needs, each with its reason", async () => {
    const plain = await steward(["invite", "--client-id", "123456789012345678"], {});
    expect(plain.stderr).toBe("");
    expect(plain.status).toBe(0);
    expect(plain.stdout.split("\n").slice(0, -1)).toEqual([
      "Add Steward to your server with:",
      "https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot+applications.commands&permissions=216064",
      "",
      "Scopes: bot (to post) and applications.commands (the slash commands). Permissions 216064, each for a reason:",
      ...reasons(false),
    ]);

    // The application's id read with the bot's token; a Safe treasury needs Attach Files; one server is preselected.
    const safe = await steward(["invite"], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: discord.guildId,
      SETTLEMENT_MODE: "safe-export",
    });
    expect(safe.status).toBe(0);
    expect(safe.stdout.split("\n").slice(0, -1)).toEqual([
      "Add Steward to your server with:",
      `https://discord.com/oauth2/authorize?client_id=${discord.applicationId}&scope=bot+applications.commands&permissions=248832&guild_id=${discord.guildId}&disable_guild_select=true`,
      "",
      "Scopes: bot (to post) and applications.commands (the slash commands). Permissions 248832, each for a reason:",
      ...reasons(true),
    ]);

    const lost = await steward(["invite"], {});
    expect(lost.status).toBe(2);
    expect(lost.stderr).toContain("steward invite needs your application's id: set DISCORD_TOKEN");
  }, 60_000);
});
