import { describe, expect, it } from "vitest";
import { evaluationEmbed } from "../../../src/discord/views/evaluationViews.ts";
import {
  mentorAcceptedNoteText,
  mentorAcceptedText,
  mentorAcceptRow,
  mentorEndedNoteText,
  mentorListView,
  mentorRequestedText,
  mentorReviewDueText,
  withMentorNote,
} from "../../../src/discord/views/mentorViews.ts";
import { startGuide } from "../../../src/discord/views/startViews.ts";
import type { Evaluation } from "../../../src/generated/prisma/client.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const id = "123456789012345678";
const long = "ñ漢".repeat(300);
const status = {
  walletAddress: null,
  contributions: 0,
  policyVersion: null,
  voting: { type: "basic" as const, periodMs: 3_600_000, quorum: "0", passThreshold: 0.5, approvalsRequired: 2 },
};
const where = { guild: "A".repeat(100), transparencyUrl: null };

describe.each(LOCALES)("the %s mentorship views", (locale) => {
  const t = translator(locale);
  it("fit Discord's limits with the longest notes and the most requests", () => {
    expect(
      discordLimitProblems({
        content: mentorRequestedText(t, { newcomer: id, note: long }),
        components: [mentorAcceptRow(t, id)],
      }),
    ).toEqual([]);
    expect(discordLimitProblems({ content: mentorRequestedText(t, { newcomer: id, note: null }) })).toEqual([]);
    expect(
      discordLimitProblems({
        content: mentorReviewDueText(t, { contributionId: 999_999_999, mentor: id, newcomer: id, waitMs: 86_400_000 }),
      }),
    ).toEqual([]);
    expect(discordLimitProblems({ content: mentorAcceptedText(t, id, 20, 3_600_000) })).toEqual([]);
    expect(discordLimitProblems({ content: mentorAcceptedNoteText(t, { newcomer: id, mentor: id }) })).toEqual([]);
    for (const mentor of [id, null]) {
      const text = mentorEndedNoteText(t, { newcomer: id, mentor, by: id, tell: [id, id] });
      expect(discordLimitProblems({ content: text })).toEqual([]);
      expect(text).toContain(`<@${id}>`);
    }
    const requests = Array.from({ length: 20 }, (_, i) => ({
      mentorshipId: i,
      newcomer: id,
      note: long,
      requestedAt: new Date(0),
    }));
    for (const mine of [
      null,
      { status: "requested" as const, mentor: null },
      { status: "active" as const, mentor: id },
    ]) {
      expect(discordLimitProblems(mentorListView(t, { requests, mine, mentees: Array(30).fill(id) }))).toEqual([]);
      for (const newcomer of [true, false]) {
        expect(discordLimitProblems(startGuide(t, status, where, { mine, newcomer }))).toEqual([]);
      }
    }
    // A member already paid is told why, and has no button to ask.
    const paid = startGuide(t, status, where, { mine: null, newcomer: false });
    expect(paid.embeds[0]?.fields?.at(-1)?.value).toBe(t.t("mentor.start.notNewcomer"));
    expect(JSON.stringify(paid.components)).not.toContain('"start:mentor"');
    expect(discordLimitProblems(mentorListView(t, { requests: [], mine: null, mentees: [] }))).toEqual([]);
    const evaluation = {
      id: 1,
      purpose: "initial",
      scores: [],
      total: 80,
      suggestedReward: { toFixed: () => "1000000000000000000" },
      confidence: 0.9,
      evidence: [],
      flags: [],
      rationale: "r",
      model: "rubric",
      rubricVersion: 1,
      createdAt: new Date(0),
      reviewedBy: null,
    } as unknown as Evaluation;
    const embed = withMentorNote(
      t,
      evaluationEmbed(t, evaluation, { id: 1, title: "T" }, { symbol: "STEW", decimals: 18 }),
      { mentor: id, comment: long },
    );
    expect(discordLimitProblems({ embeds: [embed] })).toEqual([]);
    expect(embed.fields?.at(-1)?.name).toBe(t.t("mentor.evaluation.fieldName"));
  });
});
