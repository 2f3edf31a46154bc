import { payoutHistory, payoutStatus } from "../../services/settlement/payoutStatus.ts";
import { retryPayout } from "../../services/settlement/retryPayout.ts";
import { ephemeral } from "../reply.ts";
import { payoutHistoryView, payoutStatusView } from "../views/payoutViews.ts";
import type { CommandHandler } from "./types.ts";

const tokenOf = (ctx: Parameters<CommandHandler>[1]) => ({
  symbol: ctx.deps.config.TOKEN_SYMBOL,
  decimals: ctx.deps.config.TOKEN_DECIMALS,
});

export const status: CommandHandler = async (i, ctx) => {
  const s = await payoutStatus(ctx.deps.services, ctx.actor.guildId, i.options.getInteger("proposal", true));
  await i.reply(ephemeral({ content: payoutStatusView(s, tokenOf(ctx)) }));
};

export const history: CommandHandler = async (i, ctx) => {
  const h = await payoutHistory(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId);
  await i.reply(ephemeral({ content: payoutHistoryView(h, tokenOf(ctx)) }));
};

export const retry: CommandHandler = async (i, ctx) => {
  const id = i.options.getInteger("proposal", true);
  const r = await retryPayout(ctx.deps.services, ctx.actor, id);
  ctx.deps.kickSettlement();
  await i.reply(
    ephemeral({
      content: `${r.chunks} failed chunk(s) of proposal #${id} will be paid again now (each at most once: the chain refuses a chunk it already paid). \`/payout status proposal:${id}\` follows it.`,
    }),
  );
};
