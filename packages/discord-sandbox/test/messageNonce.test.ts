import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox } from "../src/startSandbox.ts";

const dir = mkdtempSync(join(tmpdir(), "steward-nonce-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A message create as the bot sends it over REST. */
async function create(sandbox: Awaited<ReturnType<typeof startSandbox>>, channel: string, body: object) {
  const res = await fetch(`${sandbox.apiUrl}/v10/channels/${channel}/messages`, {
    method: "POST",
    headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; nonce?: string; content: string };
}

describe("message nonces, as Discord keeps them", () => {
  it("returns the message already made for a repeated nonce with enforce_nonce, also after a restart", async () => {
    const stateFile = join(dir, "sandbox.jsonl");
    const first = await startSandbox({ stateFile, port: 0 });
    const channel = first.state.channels.find((c) => c.name === "payouts")?.id as string;
    const made = await create(first, channel, { content: "Paid: proposal #1", nonce: "o42", enforce_nonce: true });
    expect(made.nonce).toBe("o42");
    const again = await create(first, channel, {
      content: "Paid: proposal #1 (again)",
      nonce: "o42",
      enforce_nonce: true,
    });
    expect(again).toMatchObject({ id: made.id, content: "Paid: proposal #1" });
    // Without enforce_nonce the nonce is only echoed: a second message is made.
    const loose = await create(first, channel, { content: "Paid: proposal #1 (loose)", nonce: "o42" });
    expect(loose.id).not.toBe(made.id);
    await first.close();
    // The journal keeps the nonce: a Steward killed between its send and its record posts once after the restart.
    const second = await startSandbox({ stateFile, port: 0 });
    const afterRestart = await create(second, channel, { content: "x", nonce: "o42", enforce_nonce: true });
    expect(afterRestart.id).toBe(made.id);
    const other = await create(second, channel, { content: "y", nonce: "o43", enforce_nonce: true });
    expect(other.id).not.toBe(made.id);
    await second.close();
  });
});
