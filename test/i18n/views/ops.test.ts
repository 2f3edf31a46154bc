import { describe, expect, it } from "vitest";
import { quorumProblem } from "../../../src/discord/checkQuorum.ts";
import { describeCommands } from "../../../src/discord/handlers/help.ts";
import { permissionWords } from "../../../src/discord/neededPermissions.ts";
import { contributionDigest, evaluationDigest } from "../../../src/discord/views/digestViews.ts";
import { helpView } from "../../../src/discord/views/helpView.ts";
import { moderatorNoteText } from "../../../src/discord/views/moderatorNoteViews.ts";
import { pagerRows } from "../../../src/discord/views/pagerRows.ts";
import { failedPostNote, failingPostsNote, postNote } from "../../../src/discord/views/postNotes.ts";
import {
  dmsClosedNotice,
  epochReminderText,
  notifyView,
  reminderDmText,
  reminderPostText,
} from "../../../src/discord/views/reminderViews.ts";
import { setupStatusText } from "../../../src/discord/views/setupViews.ts";
import { sameNameProblem } from "../../../src/discord/watchConfiguredRoles.ts";
import type { PendingPost, PostKind } from "../../../src/generated/prisma/client.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { type Translator, translator } from "../../../src/i18n/translator.ts";
import type { ModeratorFact } from "../../../src/services/publishing/moderatorFacts.ts";
import type { ReminderFacts } from "../../../src/services/reminders/reminderForPost.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const token = { symbol: "STEW", decimals: 18 };
const units = (n: string) => (BigInt(n) * 10n ** 18n).toString();
const HAN = /\p{Script=Han}/u;
const LONG_TITLE = "Translate the whole contributor handbook, the FAQ and the onboarding guide into three languages";
const ID = "123456789012345678";

const KINDS: PostKind[] = [
  "contribution",
  "evaluation",
  "appeal",
  "proposal",
  "result",
  "receipt",
  "safe_batch",
  "note",
  "compute",
  "reminder",
  "reminder_dm",
  "epoch_reminder",
  "github_draft",
];

const pending = (i: number, attempts: number): PendingPost =>
  ({
    id: i,
    guildId: "1",
    kind: KINDS[i % KINDS.length],
    subjectId: i % 3 === 0 ? null : 100_000 + i,
    channel: "#contributions",
    reason: "I lack Send Messages there",
    attempts,
    nextAttemptAt: new Date("2026-12-07T20:00:00Z"),
  }) as unknown as PendingPost;

const reminder = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  guildId: "1",
  proposalId: 123_456,
  title: LONG_TITLE,
  open: true,
  endsAt: new Date("2026-12-08T03:00:00Z"),
  offsetSeconds: 3600,
  voters: 1234,
  turnoutWeight: 1234.56,
  quorumWeight: 9876.5,
  quorumMet: false,
  eligibleVoters: 123_456,
  mayStillVote: 122_222,
  channelId: ID,
  messageId: ID,
  terms: {
    quorumSpec: "10%",
    quorumWeight: 9876.5,
    eligibleWeight: 98_765,
    eligibleVoters: 123_456,
    weightStrategy: "role-weighted",
    quorumOf: "active",
    quorumMembers: 98_765,
    quorumBaseWeight: 98_765,
    activeSince: new Date("2026-10-01T00:00:00Z"),
  },
  ...over,
});

const chunk = { proposalId: 123_456, chunkIndex: 11, chunkCount: 12 };
const line = { id: 98_765, recipient: "0x1234567890abcdef1234567890abcdef12345678", amount: units("1234567") };
const FACTS: ModeratorFact[] = [
  { kind: "proposal_not_paid", proposalId: 7, reason: "its batch changed" },
  { kind: "proposal_not_planned", proposalId: 7, reason: "no wallet" },
  { kind: "proposal_waits", proposalId: 7, reason: "over the cap" },
  { kind: "chunk_stuck", chunk, reason: "request timeout after 30000 ms" },
  {
    kind: "chunk_failed",
    chunk,
    total: units("9876543"),
    failure: { kind: "allowance_short", allowance: "1", needed: "2" },
  },
  { kind: "settlement_stopped", reason: "settlement is stopped" },
  {
    kind: "lines_held",
    chunk,
    count: 25,
    lines: Array.from({ length: 10 }, (_, i) => ({ ...line, id: line.id + i, lineIndex: 100 + i })),
  },
  {
    kind: "held_line_released",
    line,
    proposalId: 7,
    how: "claimed",
    to: line.recipient,
    txHash: `0x${"ab".repeat(32)}`,
  },
  {
    kind: "held_line_released",
    line,
    proposalId: 7,
    how: "returned",
    to: line.recipient,
    txHash: `0x${"ab".repeat(32)}`,
  },
  {
    kind: "jury_disagrees",
    epochNumber: 42,
    proposalId: 9,
    spearman: -0.5,
    minAgreement: 0.5,
    policy: "hold",
    held: Array.from({ length: 30 }, (_, i) => 1000 + i),
    juryPaid: [],
  },
  {
    kind: "jury_disagrees",
    epochNumber: 42,
    proposalId: null,
    spearman: 0.1,
    minAgreement: 0.5,
    policy: "hold",
    held: [],
    juryPaid: [],
  },
  {
    kind: "jury_disagrees",
    epochNumber: 42,
    proposalId: 9,
    spearman: 0.1,
    minAgreement: 0.5,
    policy: "jury",
    held: [],
    juryPaid: [3, 4],
  },
  { kind: "held_line_relay_refused", line, proposalId: 7, relay: "claim" },
  { kind: "held_line_relay_refused", line, proposalId: 7, relay: "return", reason: "execution reverted" },
  { kind: "node_challenges_failed", nodeId: 2_147_483_647, failures: 3 },
];

const contribution = (i: number) => ({
  id: 10_000 + i,
  title: LONG_TITLE,
  category: "docs",
  guildId: "1",
  channelId: ID,
  messageId: ID,
  author: { discordId: ID },
});

/** Every view of the area, rendered in `t` with large, long data: each as the payload Steward sends. */
function payloads(t: Translator): Record<string, unknown> {
  const problems = [
    ...FACTS.map((f) => moderatorNoteText(t, { channel: "payouts", fact: f }, token)).slice(0, 3),
    sameNameProblem(t, "MODERATOR_ROLE", "Moderator", [ID, ID, ID], ID),
    sameNameProblem(t, "MODERATOR_ROLE", "Moderator", [ID, ID], null),
  ];
  const evaluations = Array.from({ length: 40 }, (_, i) => ({
    total: 87,
    suggestedReward: units("123456"),
    flags: i % 2 ? ["needs_human"] : [],
    contribution: { ...contribution(i), author: { discordId: String(BigInt(ID) + BigInt(i)) } },
  }));
  const digestOf = (d: { content: string; embed: unknown }) => ({ content: d.content, embeds: [d.embed] });
  return {
    setupClear: { content: setupStatusText(t, [], []) },
    setupBusy: {
      content: setupStatusText(
        t,
        problems,
        Array.from({ length: 30 }, (_, i) => pending(i, i % 2)),
      ),
    },
    help: {
      // A moderator sees every command; marked as moderators' each, the list is longer than any real one.
      embeds: helpView(
        t,
        describeCommands().map((c) => ({ path: c.path, description: c.description, moderatorOnly: true })),
      ),
    },
    ...Object.fromEntries(
      FACTS.map((f, i) => [
        `note ${f.kind} ${i}`,
        { content: `<@&${ID}> ${moderatorNoteText(t, { channel: "payouts", fact: f }, token)}` },
      ]),
    ),
    contributionDigest: digestOf(contributionDigest(t, Array.from({ length: 60 }, (_, i) => contribution(i)) as never)),
    evaluationDigest: digestOf(evaluationDigest(t, evaluations as never, token)),
    postNotes: {
      content: [
        postNote(t, { state: "posted", channel: `<#${ID}>` }),
        postNote(t, { state: "queued", channel: `<#${ID}>`, ahead: 0 }),
        postNote(t, { state: "queued", channel: `<#${ID}>`, ahead: 1234 }),
        failedPostNote(t, { state: "refused", channel: "#contributions", reason: "I lack Send Messages there" }),
      ].join("\n"),
    },
    failingPosts: {
      content: failingPostsNote(
        t,
        Array.from({ length: 13 }, (_, i) => pending(i, 5)),
      ),
    },
    reminderPost: { content: reminderPostText(t, reminder()) },
    reminderPostVotes: {
      content: reminderPostText(t, reminder({ terms: { ...reminder().terms, weightStrategy: "one-member-one-vote" } })),
    },
    reminderPostLegacy: {
      content: reminderPostText(t, reminder({ terms: { ...reminder().terms, quorumOf: null, quorumMembers: null } })),
    },
    reminderDm: { content: reminderDmText(t, reminder({ quorumMet: true })) },
    epochReminder: {
      content: epochReminderText(t, {
        guildId: "1",
        epochNumber: 123,
        closesAt: new Date("2026-12-08T00:00:00Z"),
        offsetSeconds: 86_400,
        open: true,
        evaluated: 12_345,
        awaitingEvaluation: 678,
        jury: { sampled: 40, unreviewed: 12 },
      }),
    },
    notifyOn: { content: notifyView(t, { votes: true, beforeSeconds: [86_400, 3600, 600] }, "on") },
    notifyOff: { content: notifyView(t, { votes: false, beforeSeconds: [] }, "off") },
    dmsClosed: { content: dmsClosedNotice(t, new Date("2026-12-07T00:00:00Z")) },
    pager: { content: "·", components: pagerRows(t, 2, 3, (p) => `page:${p}`) },
    quorum: {
      content: quorumProblem(t, {
        spec: "10%",
        quorumOf: "members",
        weightStrategy: "one-member-one-vote",
        needed: 100_000,
        members: 1_000_000,
        active: { members: 5000, weight: 5000, needed: 500 },
        recentTurnouts: [7, 11, 3, 9, 12],
        best: 12,
        outOfReach: "turnout",
      }),
    },
    permissions: {
      content: (
        ["viewChannel", "sendMessages", "embedLinks", "readMessageHistory", "attachFiles", "mentionEveryone"] as const
      )
        .map((key) => permissionWords(t, { key }))
        .join("\n"),
    },
  };
}

describe("Steward's setup, help, notes and reminder views in every language", () => {
  it.each(LOCALES)("%s: every view fits Discord's limits", (locale) => {
    for (const [name, payload] of Object.entries(payloads(translator(locale)))) {
      expect(discordLimitProblems(payload), name).toEqual([]);
    }
  });

  it("speaks Chinese and Spanish, not English, where the reader reads those", () => {
    const zh = payloads(translator("zh-CN"));
    const es = payloads(translator("es-ES"));
    const en = payloads(translator("en"));
    for (const name of Object.keys(en)) {
      expect(JSON.stringify(zh[name]), name).toMatch(HAN);
      expect(JSON.stringify(es[name]), name).not.toBe(JSON.stringify(en[name]));
    }
    expect(reminderDmText(translator("zh-CN"), reminder())).toContain("你还没有对**提案 #123456 · ");
    expect(reminderDmText(translator("es-ES"), reminder())).toContain("Aún no has votado en la **propuesta #123456 · ");
    expect(notifyView(translator("es-ES"), { votes: true, beforeSeconds: [3600, 600] })).toContain("(1h y 10m antes)");
    expect(setupStatusText(translator("es-ES"), [], [])).toMatch(/^\*\*Configuración:\*\* todo en orden/);
    expect(helpView(translator("zh-CN"), [])[0]?.title).toBe("你可以使用的Steward命令");
  });

  it("continues a help list too long for one embed in the next, losing no command", () => {
    const entries = describeCommands().map((c) => ({ path: c.path, description: c.description, moderatorOnly: true }));
    const embeds = helpView(translator("es-ES"), entries);
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.map((e) => Boolean(e.title))).toEqual(embeds.map((_, i) => i === 0));
    expect(embeds.map((e) => Boolean(e.footer))).toEqual(embeds.map((_, i) => i === embeds.length - 1));
    const lines = embeds.flatMap((e) => (e.description ?? "").split("\n"));
    expect(lines.map((l) => /^`\/([^`]+)`/.exec(l)?.[1])).toEqual(entries.map((e) => e.path));
  });

  it("groups token amounts as each language writes numbers, and keeps English as it was", () => {
    const fact: ModeratorFact = { kind: "chunk_failed", chunk, total: units("1234567"), reason: "x" };
    expect(moderatorNoteText(translator("en"), { channel: "payouts", fact }, token)).toContain("12, 1234567 STEW)");
    expect(moderatorNoteText(translator("es-ES"), { channel: "payouts", fact }, token)).toContain(
      "12, 1.234.567 STEW)",
    );
  });
});
