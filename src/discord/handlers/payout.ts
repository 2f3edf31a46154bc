import { askClaim } from "../../services/settlement/held/askClaim.ts";
import { askReturn } from "../../services/settlement/held/askReturn.ts";
import { listHeldLines } from "../../services/settlement/held/listHeldLines.ts";
import { submitClaim } from "../../services/settlement/held/submitClaim.ts";
import { payoutHistory, payoutStatus } from "../../services/settlement/payoutStatus.ts";
import { retryPayout } from "../../services/settlement/retryPayout.ts";
import { ephemeral } from "../reply.ts";
import { claimAskedView, claimSubmittedView, heldLinesView, returnAskedView } from "../views/heldLineViews.ts";
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

/** `/payout claim`: the lines held for you; with `line`, the claim to sign; with `signature` too, the claim sent. */
export const claim: CommandHandler = async (i, ctx) => {
  const line = i.options.getInteger("line");
  const signature = i.options.getString("signature");
  if (line === null) {
    const held = await listHeldLines(ctx.deps.services, ctx.actor);
    await i.reply(ephemeral({ content: heldLinesView(held, tokenOf(ctx), signature !== null) }));
    return;
  }
  if (signature === null) {
    const asked = await askClaim(ctx.deps.services, ctx.actor, line);
    await i.reply(ephemeral({ content: claimAskedView(asked, tokenOf(ctx)) }));
    return;
  }
  const outcome = await submitClaim(ctx.deps.services, ctx.actor, line, signature);
  if (outcome.queued) ctx.deps.kickSettlement();
  await i.reply(ephemeral({ content: claimSubmittedView(outcome) }));
};

/** `/payout return`: a held line back to the treasury, after its claim period. */
export const returnLine: CommandHandler = async (i, ctx) => {
  const outcome = await askReturn(ctx.deps.services, ctx.actor, i.options.getInteger("line", true));
  if (outcome.queued) ctx.deps.kickSettlement();
  await i.reply(ephemeral({ content: returnAskedView(outcome) }));
};
