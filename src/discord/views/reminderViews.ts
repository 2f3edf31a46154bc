import type { Translator } from "../../i18n/translator.ts";
import { formatDuration } from "../../services/formatDuration.ts";
import type { EpochReminderFacts } from "../../services/reminders/epochReminderForPost.ts";
import type { NotifyView } from "../../services/reminders/notifySettings.ts";
import type { ReminderFacts } from "../../services/reminders/reminderForPost.ts";
import { votesNeeded } from "../../services/votes/quorumElectorate.ts";
import { formatWeight, ts } from "./governanceFormat.ts";
import { quorumText } from "./quorumText.ts";
import { userLine } from "./userText.ts";

function turnoutLine(t: Translator, f: ReminderFacts): string {
  const voterCount = f.voters;
  const weight = formatWeight(f.turnoutWeight);
  if (f.terms.quorumOf !== null) {
    // As the vote's post says it: "quorum needs 2 of 16 active members (10%)", or the weight and who holds it.
    const weighted = f.terms.weightStrategy !== "one-member-one-vote";
    const quorum = quorumText(t, f.terms);
    if (f.quorumMet) return t.t("reminder.turnout.reached", { voterCount, weighted, weight, quorum });
    if (weighted) {
      const more = formatWeight(Math.max(0, f.quorumWeight - f.turnoutWeight));
      return t.t("reminder.turnout.weightShort", { voterCount, weight, quorum, more });
    }
    const moreCount = Math.max(1, votesNeeded(f.quorumWeight) - f.voters);
    return t.t("reminder.turnout.votesShort", { voterCount, quorum, moreCount });
  }
  const quorumWeight = formatWeight(f.quorumWeight);
  if (f.quorumMet) return t.t("reminder.turnout.legacyReached", { voterCount, weight, quorumWeight });
  const more = formatWeight(Math.max(0, f.quorumWeight - f.turnoutWeight));
  return t.t("reminder.turnout.legacyShort", { voterCount, weight, quorumWeight, more });
}

const link = (f: ReminderFacts, guildId: string) =>
  f.channelId && f.messageId ? ` https://discord.com/channels/${guildId}/${f.channelId}/${f.messageId}` : "";

const closing = (endsAt: Date) => ({ closes: ts(endsAt), closesAt: ts(endsAt, "f") });

/** The #governance reminder: when the vote closes, turnout against quorum, and how many may still vote (no pings). */
export function reminderPostText(t: Translator, f: ReminderFacts): string {
  return [
    t.t("reminder.post.head", { proposalId: String(f.proposalId), title: userLine(f.title), ...closing(f.endsAt) }),
    turnoutLine(t, f),
    `${t.t("reminder.post.mayStillVote", { mayCount: f.mayStillVote, eligibleCount: f.eligibleVoters })}${link(f, f.guildId)}`,
    t.t("reminder.post.optIn"),
  ].join("\n");
}

/** The #governance reminder before the epoch closes: where its contributions stand, and a nudge to submit. */
export function epochReminderText(t: Translator, f: EpochReminderFacts): string {
  return [
    t.t("reminder.epoch.head", {
      epochNumber: String(f.epochNumber),
      closes: ts(f.closesAt),
      closesAt: ts(f.closesAt, "f"),
      evaluatedCount: f.evaluated,
      awaiting: String(f.awaitingEvaluation),
    }),
    t.t("reminder.epoch.submit"),
    ...(f.jury && f.jury.sampled > 0
      ? [t.t("reminder.epoch.jurors", { sampledCount: f.jury.sampled, unreviewed: String(f.jury.unreviewed) })]
      : []),
  ].join("\n");
}

/** The DM to an opted-in member who has not voted yet. */
export function reminderDmText(t: Translator, f: ReminderFacts): string {
  return [
    t.t("reminder.dm.head", { proposalId: String(f.proposalId), title: userLine(f.title), ...closing(f.endsAt) }),
    turnoutLine(t, f),
    `${t.t("reminder.dm.where")}${link(f, f.guildId)}`,
    t.t("reminder.dm.why"),
  ].join("\n");
}

/** The reply to `/notify`; `changed` when the command just turned reminders on or off. */
export function notifyView(t: Translator, v: NotifyView, changed?: "on" | "off"): string {
  const when = v.beforeSeconds.map((s) => formatDuration(s * 1000));
  return [
    ...(changed ? [t.t(changed === "on" ? "reminder.notify.turnedOn" : "reminder.notify.turnedOff"), ""] : []),
    v.votes
      ? when.length > 0
        ? t.t("reminder.notify.onBefore", { when: t.list(when) })
        : t.t("reminder.notify.on")
      : t.t("reminder.notify.off"),
    ...(v.beforeSeconds.length === 0 ? [t.t("reminder.notify.serverOff")] : []),
    ...(v.votes ? [t.t("reminder.notify.openDms")] : []),
  ].join("\n");
}

/** Told once, at the member's next command after Discord refused a reminder DM (50007). */
export function dmsClosedNotice(t: Translator, at: Date): string {
  return t.t("reminder.dmsClosed", { at: ts(at) });
}
