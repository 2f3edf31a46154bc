import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSandboxJournal } from "../src/sandboxJournal.ts";

const dir = mkdtempSync(join(tmpdir(), "steward-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the sandbox journal", () => {
  it("restores the same guild, users and messages, tolerating a half-written last line", () => {
    const file = join(dir, "a.jsonl");
    const first = openSandboxJournal(file);
    const alice = first.addUser("alice", ["Member"]);
    const channel = first.channels[1]?.id as string;
    const message = first.createMessage(channel, { content: "hello" });
    first.editMessage(message, { content: "hello, edited" });
    rmSync(`${file}.lock`); // the first "process" was killed
    appendFileSync(file, '{"t":"user","user":{"id":"1');
    const lines: string[] = [];
    const second = openSandboxJournal(file, (l) => lines.push(l));
    expect(second.guildId).toBe(first.guildId);
    expect(second.botToken).toBe(first.botToken);
    expect(second.findUser("alice")?.id).toBe(alice.id);
    expect(second.messages.get(message.id)?.content).toBe("hello, edited");
    expect(lines[0]).toMatch(/1 users, 1 messages \(a half-written last line was dropped\)$/);
    // Compacted on open: one line per fact (identity, user, message, channels, intents, two command scopes), the edit
    // folded into its message.
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(7);
  });

  it("refuses a second live Steward on the same journal, and takes over the lock of a dead one", () => {
    const file = join(dir, "b.jsonl");
    writeFileSync(`${file}.lock`, String(process.ppid));
    expect(() => openSandboxJournal(file)).toThrow(
      `The sandbox of ${dir} is already running in another Steward (pid ${process.ppid}). Stop that one first, or give this one another STEWARD_DATA_DIR.`,
    );
    writeFileSync(`${file}.lock`, "999999");
    expect(openSandboxJournal(file).guildId).toMatch(/^\d+$/);
  });
});
