import { describe, expect, it } from "vitest";
import { dmsRequest, humanize, parseSlash, relativeTime, renderMessage, tokenize } from "../src/terminalClient.ts";

describe("the sandbox terminal client", () => {
  it("parses a slash command line the way a person types it", () => {
    const words = tokenize('as alice /contribute submit title:"Fix the \\"docs\\"" category:docs hours:2');
    expect(words).toEqual(["as", "alice", "/contribute", "submit", 'title:Fix the "docs"', "category:docs", "hours:2"]);
    expect(parseSlash(words.slice(2))).toEqual({
      command: "contribute submit",
      options: { title: 'Fix the "docs"', category: "docs", hours: "2" },
    });
    expect(() => tokenize('title:"open')).toThrow("a quote is not closed");
  });

  it("takes a value up to the next option, as the README types it: /audit trace id:proposal 2", () => {
    expect(parseSlash(tokenize("/audit trace id:proposal 2"))).toEqual({
      command: "audit trace",
      options: { id: "proposal 2" },
    });
    expect(
      parseSlash(
        tokenize("/contribute submit title:Fix the docs category:docs links:https://a.example https://b.example"),
      ),
    ).toEqual({
      command: "contribute submit",
      options: { title: "Fix the docs", category: "docs", links: "https://a.example https://b.example" },
    });
  });

  it("shows a user's DMs from the bot (vote reminders) and opens or closes them", () => {
    expect(dmsRequest(tokenize("dms alice").slice(1))).toEqual({ method: "GET", path: "/sandbox/users/alice/dms" });
    expect(dmsRequest(["alice", "closed"])).toEqual({
      method: "PUT",
      path: "/sandbox/users/alice/dms",
      body: { open: false },
    });
    expect(dmsRequest(["a b", "open"])).toEqual({
      method: "PUT",
      path: "/sandbox/users/a%20b/dms",
      body: { open: true },
    });
    expect(dmsRequest([])).toBe("Usage: dms <user> [open|closed]");
    expect(dmsRequest(["alice", "shut"])).toBe("Usage: dms <user> [open|closed]");
  });

  it("prints embeds and buttons readably", () => {
    const text = renderMessage({
      kind: "reply",
      ephemeral: true,
      content: "",
      embeds: [{ title: "Your contributions", description: "**#1** · Fix", footer: { text: "Page 1 of 2" } }],
      components: [
        {
          type: 1,
          components: [
            { type: 2, label: "Previous", custom_id: "p", disabled: true },
            { type: 2, label: "Next", custom_id: "n" },
          ],
        },
      ],
    });
    expect(text).toBe(
      [
        "── reply · only you can see this ──",
        "┌ Your contributions",
        "│ **#1** · Fix",
        "│ — Page 1 of 2",
        "└",
        "[Previous (disabled)] [Next]",
      ].join("\n"),
    );
  });

  it("shows names and dates instead of Discord's markup", () => {
    const names = {
      users: new Map([["11", "alice"]]),
      channels: new Map([["22", "contributions"]]),
      roles: new Map([["33", "Moderator"]]),
    };
    expect(humanize("<@11> posted in <#22> for <@&33> at <t:1795658328:f>; <@99> is unknown", names)).toBe(
      "@alice posted in #contributions for @Moderator at 2026-11-26 01:58 UTC; <@99> is unknown",
    );
  });

  it("says relative timestamps relatively, and shows menu labels and pre-filled modal fields", () => {
    const now = Date.UTC(2026, 10, 27, 12, 0, 0);
    expect(relativeTime(now + 2 * 86_400_000, now)).toBe("in 2 days");
    expect(relativeTime(now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(relativeTime(now + 1_000, now)).toBe("in 1 second");
    const text = renderMessage({
      kind: "modal",
      title: "Edit",
      customId: "propose-edit:1",
      content: "",
      embeds: [],
      components: [
        { type: 1, components: [{ type: 3, custom_id: "rank:8:1", options: [{ label: "Alpha", value: "1" }] }] },
        { type: 1, components: [{ type: 4, custom_id: "budget", label: "Budget", value: "500 0xabc" }] },
      ],
    });
    expect(text).toContain('<menu rank:8:1: Alpha (1)> <field budget: Budget = "500 0xabc">');
  });
});
