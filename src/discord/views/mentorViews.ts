import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import type { MentorRequestFact, mentorshipOverview } from "../../services/mentorship/mentorshipOverview.ts";
import type { ModeratorFact } from "../../services/publishing/moderatorFacts.ts";
import { userLine, userText } from "./userText.ts";

/** Custom id of a request's Accept button: `mentor:accept:<newcomer's Discord id>`. */
export const MENTOR_PREFIX = "mentor";

const hoursOf = (ms: number) => Math.max(1, Math.round(ms / 3_600_000));

type RequestedFact = Extract<ModeratorFact, { kind: "mentor_requested" }>;
type ReviewDueFact = Extract<ModeratorFact, { kind: "mentor_review_due" }>;

/** The public request mentors see (the note is the newcomer's own words, escaped). */
export function mentorRequestedText(t: Translator, f: Pick<RequestedFact, "newcomer" | "note">): string {
  return t.t("mentor.note.requested", {
    newcomer: f.newcomer,
    hasNote: f.note ? "yes" : "no",
    note: f.note ? userLine(f.note, 300) : "",
  });
}

/** The Accept button under a request. */
export function mentorAcceptRow(t: Translator, newcomer: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: 1,
    components: [
      { type: 2, style: 1, custom_id: `${MENTOR_PREFIX}:accept:${newcomer}`, label: t.t("mentor.accept.button") },
    ],
  };
}

/** The mentor is told a newcomer's contribution waits for their note. */
export function mentorReviewDueText(t: Translator, f: Omit<ReviewDueFact, "kind">): string {
  return t.t("mentor.note.reviewDue", {
    mentor: f.mentor,
    newcomer: f.newcomer,
    id: String(f.contributionId),
    hours: hoursOf(f.waitMs),
  });
}

type AcceptedFact = Extract<ModeratorFact, { kind: "mentor_accepted" }>;
type EndedFact = Extract<ModeratorFact, { kind: "mentor_ended" }>;

/** The newcomer is told who accepted them (the mentor named, not mentioned: the publisher mentions the newcomer). */
export function mentorAcceptedNoteText(t: Translator, f: Pick<AcceptedFact, "newcomer" | "mentor">): string {
  return t.t("mentor.note.accepted", { newcomer: f.newcomer, mentor: f.mentor });
}

/** Those of the pair who did not end the mentorship (or the newcomer's request) are told who did. */
export function mentorEndedNoteText(t: Translator, f: Omit<EndedFact, "kind" | "mentorshipId">): string {
  return t.t("mentor.note.ended", {
    tell: f.tell.map((id) => `<@${id}>`).join(" "),
    by: f.by,
    newcomer: f.newcomer,
    hasMentor: f.mentor ? "yes" : "no",
    mentor: f.mentor ?? "",
  });
}

/** The mentor's note, a field of the evaluation's embed (after the scores: it is not one of them). */
export function mentorNoteField(t: Translator, note: { mentor: string; comment: string }): APIEmbedField {
  return {
    name: t.t("mentor.evaluation.fieldName"),
    value: t.t("mentor.evaluation.value", { mentor: note.mentor, comment: userText(note.comment, 900) }),
    inline: false,
  };
}

export const mentorAcceptedText = (t: Translator, newcomer: string, reviews: number, waitMs: number) =>
  t.t("mentor.accepted", { newcomer, reviews, hours: hoursOf(waitMs) });

/** The newcomer's own mentorship in a sentence: waiting for a mentor, or who theirs is. */
export function myMentorText(t: Translator, mine: { status: "requested" | "active"; mentor: string | null }): string {
  return mine.status === "active" && mine.mentor
    ? t.t("mentor.status.active", { mentor: mine.mentor })
    : t.t("mentor.status.requested");
}

/** `/mentor list`: open requests (accepted by name: a row of identical buttons would not say whose), and the member's own. */
export function mentorListView(
  t: Translator,
  o: Awaited<ReturnType<typeof mentorshipOverview>>,
): { embeds: APIEmbed[] } {
  const line = (r: MentorRequestFact) =>
    t.t("mentor.list.request", {
      newcomer: r.newcomer,
      when: `<t:${Math.floor(r.requestedAt.getTime() / 1000)}:R>`,
      hasNote: r.note ? "yes" : "no",
      note: r.note ? userLine(r.note, 120) : "",
    });
  const fields: APIEmbedField[] = [
    {
      name: t.t("mentor.list.requests"),
      value: o.requests.length === 0 ? t.t("mentor.list.none") : o.requests.map(line).join("\n").slice(0, 1024),
    },
  ];
  if (o.mine) fields.push({ name: t.t("mentor.list.mine"), value: myMentorText(t, o.mine) });
  if (o.mentees.length > 0) {
    fields.push({ name: t.t("mentor.list.mentees"), value: t.list(o.mentees.map((id) => `<@${id}>`)) });
  }
  return { embeds: [{ title: t.t("mentor.list.title"), fields }] };
}

/** An evaluation's embed with its mentor's note (when there is one) as the last field. */
export function withMentorNote(
  t: Translator,
  embed: APIEmbed,
  note: { mentor: string; comment: string } | null,
): APIEmbed {
  if (!note) return embed;
  return { ...embed, fields: [...(embed.fields ?? []).slice(0, 24), mentorNoteField(t, note)] };
}
