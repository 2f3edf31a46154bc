import type { APIEmbed } from "discord-api-types/v10";
import { type Token, tokenAmountText } from "../../base/token.ts";
import { toUnits } from "../../db/decimalUnits.ts";
import type { closeEpochForVote } from "../../services/epochs/closeEpochForVote.ts";
import { juryAgreementText } from "../../services/epochs/closing/juryAgreementText.ts";
import type { epochStatus } from "../../services/epochs/epochStatus.ts";
import { type PostWait, postNote } from "./postNotes.ts";

type EpochStatus = Awaited<ReturnType<typeof epochStatus>>;
type ClosedEpoch = Awaited<ReturnType<typeof closeEpochForVote>>;

/** `/epoch status`: where the open epoch stands, and what waits for a moderator. */
export function epochStatusEmbed(s: EpochStatus, token: Token): APIEmbed {
  const budget = toUnits(s.epoch.budget);
  const left = budget > s.suggestedTotal ? budget - s.suggestedTotal : 0n;
  const waiting = s.awaitingReview;
  return {
    title: `Epoch ${s.epoch.number}`,
    color: 0x5865f2,
    fields: [
      // The first epoch opens on first use, after work may already have been submitted: it covers all of it.
      s.epoch.number === 1
        ? { name: "Covers", value: "everything submitted so far (the first epoch)", inline: true }
        : { name: "Started", value: `<t:${Math.floor(s.epoch.startsAt.getTime() / 1000)}:f>`, inline: true },
      { name: "Budget", value: tokenAmountText(budget, token), inline: true },
      { name: "Budget left after suggested rewards", value: tokenAmountText(left, token), inline: true },
      { name: "Submitted, awaiting evaluation", value: String(s.submitted), inline: true },
      { name: "Evaluated", value: String(s.evaluated), inline: true },
      { name: "Under appeal", value: String(s.underAppeal), inline: true },
      {
        name: "Flagged, waiting for a moderator (pays nothing until cleared)",
        value:
          waiting.length === 0
            ? "None"
            : `${waiting
                .slice(0, 40)
                .map((id) => `#${id}`)
                .join(
                  ", ",
                )}${waiting.length > 40 ? ` and ${waiting.length - 40} more` : ""}: \`/evaluation clear\` or \`/evaluation override\``,
        inline: false,
      },
      {
        name: "Compute (if the epoch closed now)",
        value:
          s.compute.total === 0n
            ? `Nothing yet: ${s.compute.online} node(s) online; the compute budget of ${tokenAmountText(s.compute.budget, token)} is shared by verified capacity × uptime.`
            : `${tokenAmountText(s.compute.total, token)} to ${s.compute.providers} provider(s): ${s.compute.nodes} node(s) sharing the compute budget of ${tokenAmountText(s.compute.budget, token)} by verified capacity × uptime${s.compute.leases > 0 ? `, ${s.compute.leases} ended lease(s) paid for delivered GPU-hours` : ""}. ${s.compute.online} node(s) online now.`,
        inline: false,
      },
      ...(s.jury
        ? [{ name: "Blind jury (so far)", value: juryAgreementText(s.jury, s.minAgreement), inline: false }]
        : []),
    ],
  };
}

/** What the moderator who closed an epoch is told. */
export function epochClosedText(result: ClosedEpoch, posted?: PostWait): string {
  const closed = `Epoch ${result.epoch.number} is closed; epoch ${result.next.number} is open.`;
  const p = result.proposal;
  if (!p) {
    const carried = result.carried.length;
    return `${closed} Nothing to pay, so there is no distribution to vote on${carried > 0 ? `: the rewards of ${carried} member${carried === 1 ? "" : "s"} without a verified wallet are carried to the next epoch` : ": no contribution was evaluated this epoch"}.`;
  }
  const why =
    result.notOpenedBecause === "electorate_unavailable"
      ? "the member list was not available: if it keeps failing, check the Server Members intent with `/steward status`"
      : `it could not be opened (${result.notOpenedBecause ?? "unknown reason"})`;
  const vote =
    result.opened && p.endsAt
      ? `Voting is open until <t:${Math.floor(p.endsAt.getTime() / 1000)}:f>.`
      : `It stays a draft until a moderator opens it for votes with \`/proposal open\` (${why}).`;
  const where = !posted
    ? " is saved."
    : posted.state === "posted"
      ? ` is posted in ${posted.channel}.`
      : ` is saved.${postNote(posted)}`;
  return `${closed} Distribution proposal #${p.id} (${result.batch.length} payout${result.batch.length === 1 ? "" : "s"}, batch hash \`${p.batchHash}\`)${where} ${vote}`;
}
