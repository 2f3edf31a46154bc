import { formatDuration } from "../../services/formatDuration.ts";
import type { EpochReminderFacts } from "../../services/reminders/epochReminderForPost.ts";
import type { NotifyView } from "../../services/reminders/notifySettings.ts";
import type { ReminderFacts } from "../../services/reminders/reminderForPost.ts";
import { votesNeeded } from "../../services/votes/quorumElectorate.ts";
import { formatWeight, ts } from "./governanceFormat.ts";
import { quorumText } from "./quorumText.ts";
import { userLine } from "./userText.ts";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function turnoutLine(f: ReminderFacts): string {
  if (f.terms.quorumOf !== null) {
    // As the vote's post says it: "quorum needs 2 of 16 active members (10%)", or the weight and who holds it.
    const weighted = f.terms.weightStrategy !== "one-member-one-vote";
    const head = `Turnout: ${plural(f.voters, "voter")}${weighted ? `, weight ${formatWeight(f.turnoutWeight)}` : ""}; quorum ${quorumText(f.terms)}`;
    if (f.quorumMet) return `${head}: quorum reached.`;
    const more = weighted
      ? `weight ${formatWeight(Math.max(0, f.quorumWeight - f.turnoutWeight))} more`
      : plural(Math.max(1, votesNeeded(f.quorumWeight) - f.voters), "more vote");
    return `${head}: ${more} needed, or the vote expires.`;
  }
  const turnout = `Turnout: ${plural(f.voters, "voter")}, weight ${formatWeight(f.turnoutWeight)} of the ${formatWeight(f.quorumWeight)} quorum needs`;
  if (f.quorumMet) return `${turnout}: quorum reached.`;
  return `${turnout}: ${formatWeight(Math.max(0, f.quorumWeight - f.turnoutWeight))} more needed, or the vote expires.`;
}

const link = (f: ReminderFacts, guildId: string) =>
  f.channelId && f.messageId ? ` https://discord.com/channels/${guildId}/${f.channelId}/${f.messageId}` : "";

/** The #governance reminder: when the vote closes, turnout against quorum, and how many may still vote (no pings). */
export function reminderPostText(f: ReminderFacts): string {
  return [
    `⏰ **Proposal #${f.proposalId} · ${userLine(f.title)}**: voting closes ${ts(f.endsAt)} (${ts(f.endsAt, "f")}).`,
    turnoutLine(f),
    `${plural(f.mayStillVote, "eligible member")} of ${f.eligibleVoters.toLocaleString("en-US")} may still vote.${link(f, f.guildId)}`,
    "Want a DM before votes close while you have not voted? `/notify votes:on`",
  ].join("\n");
}

/** The #governance reminder before the epoch closes: where its contributions stand, and a nudge to submit. */
export function epochReminderText(f: EpochReminderFacts): string {
  return [
    `⏰ **Epoch ${f.epochNumber}** closes ${ts(f.closesAt)} (${ts(f.closesAt, "f")}): ${plural(f.evaluated, "contribution")} evaluated, ${f.awaitingEvaluation} awaiting evaluation.`,
    "Submit yours with `/contribute submit` before then: what is evaluated by the close is in this epoch's distribution.",
    ...(f.jury && f.jury.sampled > 0
      ? [
          `Jurors: the blind jury's sample is drawn, ${plural(f.jury.sampled, "contribution")}, ${f.jury.unreviewed} not scored by anyone yet: \`/jury next\` before the close.`,
        ]
      : []),
  ].join("\n");
}

/** The DM to an opted-in member who has not voted yet. */
export function reminderDmText(f: ReminderFacts): string {
  return [
    `⏰ You have not voted on **proposal #${f.proposalId} · ${userLine(f.title)}** yet: voting closes ${ts(f.endsAt)} (${ts(f.endsAt, "f")}).`,
    turnoutLine(f),
    `Vote on its message in #governance.${link(f, f.guildId)}`,
    "You get this because of `/notify votes:on`; `/notify votes:off` stops it.",
  ].join("\n");
}

/** The reply to `/notify`. */
export function notifyView(v: NotifyView, change?: string): string {
  const when = v.beforeSeconds.map((s) => formatDuration(s * 1000)).join(" and ");
  return [
    ...(change ? [change, ""] : []),
    v.votes
      ? `Vote reminders by DM: **on**. Before a vote closes${when ? ` (${when} before)` : ""}, I DM you if you have not voted yet. \`/notify votes:off\` stops them.`
      : "Vote reminders by DM: **off**. `/notify votes:on` DMs you before a vote closes while you have not voted.",
    ...(v.beforeSeconds.length === 0
      ? ["This server has reminders turned off (REMINDER_BEFORE), so none are sent."]
      : []),
    ...(v.votes
      ? ["Your DMs must be open to this server's members (Privacy Settings → Direct Messages) for them to arrive."]
      : []),
  ].join("\n");
}

/** Told once, at the member's next command after Discord refused a reminder DM (50007). */
export function dmsClosedNotice(at: Date): string {
  return `I could not DM you a vote reminder ${ts(at)}: your DMs are closed to me, so I turned vote reminders off. Open your DMs to this server's members (Privacy Settings → Direct Messages) and use \`/notify votes:on\` to get them again.`;
}
