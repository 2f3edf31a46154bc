import { MessageFlags } from "discord.js";
import { toUnits } from "../../db/decimalUnits.ts";
import { closeEpochForVote } from "../../services/epochs/closeEpochForVote.ts";
import { epochStatus } from "../../services/epochs/epochStatus.ts";
import { edit, ephemeral } from "../reply.ts";
import { formatTokens } from "../views/evaluationViews.ts";
import type { CommandHandler } from "./types.ts";

export const status: CommandHandler = async (i, ctx) => {
  const s = await epochStatus(ctx.deps.services, ctx.actor.guildId);
  const token = { symbol: ctx.deps.config.TOKEN_SYMBOL, decimals: ctx.deps.config.TOKEN_DECIMALS };
  const budget = toUnits(s.epoch.budget);
  const left = budget > s.suggestedTotal ? budget - s.suggestedTotal : 0n;
  await i.reply(
    ephemeral({
      embeds: [
        {
          title: `Epoch ${s.epoch.number}`,
          color: 0x5865f2,
          fields: [
            // The first epoch opens on first use, after work may already have been submitted: it covers all of it.
            s.epoch.number === 1
              ? { name: "Covers", value: "everything submitted so far (the first epoch)", inline: true }
              : { name: "Started", value: `<t:${Math.floor(s.epoch.startsAt.getTime() / 1000)}:f>`, inline: true },
            { name: "Budget", value: formatTokens(budget, token), inline: true },
            { name: "Budget left after suggested rewards", value: formatTokens(left, token), inline: true },
            { name: "Submitted, awaiting evaluation", value: String(s.submitted), inline: true },
            { name: "Evaluated", value: String(s.evaluated), inline: true },
            { name: "Under appeal", value: String(s.underAppeal), inline: true },
            {
              name: "Flagged, waiting for a moderator (pays nothing until cleared)",
              value:
                s.awaitingReview.length === 0
                  ? "None"
                  : `${s.awaitingReview
                      .slice(0, 40)
                      .map((id) => `#${id}`)
                      .join(
                        ", ",
                      )}${s.awaitingReview.length > 40 ? ` and ${s.awaitingReview.length - 40} more` : ""}: \`/evaluation clear\` or \`/evaluation override\``,
              inline: false,
            },
          ],
        },
      ],
    }),
  );
};

export const close: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: "Closing the epoch and drafting its distribution…" }));
  const result = await closeEpochForVote(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId);
  const p = result.proposal;
  if (!p) {
    const carried = result.carried.length;
    await i.editReply(
      edit({
        content: `Epoch ${result.epoch.number} is closed; epoch ${result.next.number} is open. Nothing to pay, so there is no distribution to vote on${carried > 0 ? `: the rewards of ${carried} member${carried === 1 ? "" : "s"} without a verified wallet are carried to the next epoch` : ": no contribution was evaluated this epoch"}.`,
      }),
    );
    return;
  }
  await ctx.deps.services.notifier.proposalPosted(p.id);
  const vote =
    result.opened && p.endsAt
      ? `Voting is open until <t:${Math.floor(p.endsAt.getTime() / 1000)}:f>.`
      : "It stays a draft until a moderator opens it for votes (the member list was not available).";
  await i.editReply(
    edit({
      content: `Epoch ${result.epoch.number} is closed; epoch ${result.next.number} is open. Distribution proposal #${p.id} (${result.batch.length} payout${result.batch.length === 1 ? "" : "s"}, batch hash \`${p.batchHash}\`) is posted in #governance. ${vote}`,
    }),
  );
};
