import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxClient } from "../src/sandboxClient.ts";
import { type Sandbox, startSandbox } from "../src/startSandbox.ts";

let discord: Sandbox;
let client: SandboxClient;
beforeAll(async () => {
  discord = await startSandbox({});
  client = new SandboxClient(discord.url);
});
afterAll(() => discord.close());

describe("many members at once", () => {
  it("may hold a role made with POST /sandbox/roles, given by its id, as one member may", async () => {
    const voter = await client.request<{ id: string }>("POST", "/sandbox/roles", { name: "Voter" });
    expect(voter.status).toBe(201);
    const made = await client.request("POST", "/sandbox/users/bulk", {
      prefix: "voter",
      count: 3,
      roles: ["Member", voter.body.id],
    });
    expect(made.status).toBe(201);
    const users = (await client.state()).users.filter((u) => u.username.startsWith("voter"));
    expect(users.map((u) => u.roles)).toEqual([
      ["Member", voter.body.id],
      ["Member", voter.body.id],
      ["Member", voter.body.id],
    ]);
    const unknown = await client.request<{ error: string }>("POST", "/sandbox/users/bulk", {
      prefix: "nobody",
      count: 1,
      roles: ["123456789012345678"],
    });
    expect(unknown.status).toBe(400);
  });
});
