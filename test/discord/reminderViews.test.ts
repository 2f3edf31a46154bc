import { describe, expect, it } from "vitest";
import { quorumText } from "../../src/discord/views/quorumText.ts";
import { reminderDmText, reminderPostText } from "../../src/discord/views/reminderViews.ts";
import { translator } from "../../src/i18n/translator.ts";
import type { ReminderFacts } from "../../src/services/reminders/reminderForPost.ts";

const en = translator("en");

const facts = (weightStrategy: string, over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  guildId: "1",
  proposalId: 2,
  title: "Translate the docs",
  open: true,
  endsAt: new Date("2026-01-02T03:00:00Z"),
  offsetSeconds: 3600,
  voters: 3,
  turnoutWeight: 7,
  quorumWeight: 38,
  quorumMet: false,
  eligibleVoters: 5000,
  mayStillVote: 4997,
  channelId: "3",
  messageId: "4",
  terms: {
    quorumSpec: "10%",
    quorumWeight: 38,
    eligibleWeight: 5000,
    eligibleVoters: 5000,
    weightStrategy,
    quorumOf: "active",
    quorumMembers: 380,
    quorumBaseWeight: 380,
    activeSince: null,
  },
  ...over,
});

describe("a reminder's turnout line", () => {
  it("states the quorum in people, as the vote's post does", () => {
    const f = facts("one-member-one-vote", { turnoutWeight: 3 });
    expect(quorumText(en, f.terms)).toBe("needs 38 of 380 active members (10%)");
    expect(reminderPostText(en, f).split("\n")[1]).toBe(
      "Turnout: 3 voters; quorum needs 38 of 380 active members (10%): 35 more votes needed, or the vote expires.",
    );
  });

  it("with weighted votes, states the quorum as the vote's post does too: the weight and who holds it", () => {
    const f = facts("role-weighted");
    expect(quorumText(en, f.terms)).toBe("needs weight 38 of the 380 held by 380 active members (10%)");
    for (const text of [reminderPostText(en, f), reminderDmText(en, f)]) {
      expect(text).toContain(
        "Turnout: 3 voters, weight 7; quorum needs weight 38 of the 380 held by 380 active members (10%): weight 31 more needed, or the vote expires.",
      );
    }
    expect(reminderPostText(en, { ...f, quorumMet: true })).toContain(
      "Turnout: 3 voters, weight 7; quorum needs weight 38 of the 380 held by 380 active members (10%): quorum reached.",
    );
  });

  it("keeps the old words for a vote opened before the quorum was counted over an electorate", () => {
    const f = facts("role-weighted");
    const old = { ...f, terms: { ...f.terms, quorumOf: null, quorumMembers: null } };
    expect(reminderPostText(en, old)).toContain(
      "Turnout: 3 voters, weight 7 of the 38 quorum needs: 31 more needed, or the vote expires.",
    );
  });
});
