import { MessageFlags } from "discord.js";
import { approvePayout, rejectPayout } from "../../services/approvals/decidePayout.ts";
import { askClaim } from "../../services/settlement/held/askClaim.ts";
import { askReturn } from "../../services/settlement/held/askReturn.ts";
import { listHeldLines } from "../../services/settlement/held/listHeldLines.ts";
import { submitClaim } from "../../services/settlement/held/submitClaim.ts";
import { payoutHistory, payoutStatus } from "../../services/settlement/payoutStatus.ts";
import { retryPayout } from "../../services/settlement/retryPayout.ts";
import { idArgument } from "../checkInput.ts";
import type { HandlerContext } from "../context.ts";
import { edit, ephemeral } from "../reply.ts";
import { claimAskedView, claimSubmittedView, heldLinesView, returnAskedView } from "../views/heldLineViews.ts";
import { payoutHistoryView, payoutStatusView } from "../views/payoutViews.ts";
import { failedPostNote } from "../views/postNotes.ts";
import { rejectPayoutModal } from "../views/resultViews.ts";
import { requireModerator } from "./requireModerator.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./types.ts";

export const status: CommandHandler = async (i, ctx) => {
  const s = await payoutStatus(ctx.deps.services, ctx.actor.guildId, i.options.getInteger("proposal", true));
  await i.reply(ephemeral({ content: payoutStatusView(ctx.t, s, ctx.deps.services.token) }));
};

export const history: CommandHandler = async (i, ctx) => {
  const h = await payoutHistory(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId);
  await i.reply(ephemeral({ content: payoutHistoryView(ctx.t, h, ctx.deps.services.token) }));
};

export const retry: CommandHandler = async (i, ctx) => {
  const id = i.options.getInteger("proposal", true);
  const r = await retryPayout(ctx.deps.services, ctx.actor, id);
  ctx.deps.kickSettlement();
  await i.reply(
    ephemeral({
      content: ctx.t.t("payout.retry.done", { count: r.chunks, id }),
    }),
  );
};

/** `/payout claim`: the lines held for you; with `line`, the claim to sign; with `signature` too, the claim sent. */
export const claim: CommandHandler = async (i, ctx) => {
  const line = i.options.getInteger("line");
  const signature = i.options.getString("signature");
  if (line === null) {
    const held = await listHeldLines(ctx.deps.services, ctx.actor);
    await i.reply(ephemeral({ content: heldLinesView(ctx.t, held, ctx.deps.services.token, signature !== null) }));
    return;
  }
  if (signature === null) {
    const asked = await askClaim(ctx.deps.services, ctx.actor, line);
    await i.reply(ephemeral({ content: claimAskedView(ctx.t, asked, ctx.deps.services.token) }));
    return;
  }
  const outcome = await submitClaim(ctx.deps.services, ctx.actor, line, signature);
  if (outcome.queued) ctx.deps.kickSettlement();
  await i.reply(ephemeral({ content: claimSubmittedView(ctx.t, outcome) }));
};

/** `/payout return`: a held line back to the treasury, after its claim period. */
export const returnLine: CommandHandler = async (i, ctx) => {
  const outcome = await askReturn(ctx.deps.services, ctx.actor, i.options.getInteger("line", true));
  if (outcome.queued) ctx.deps.kickSettlement();
  await i.reply(ephemeral({ content: returnAskedView(ctx.t, outcome) }));
};

async function approve(ctx: HandlerContext, id: number): Promise<string> {
  const r = await approvePayout(ctx.deps.services, ctx.actor, id);
  if (r.approved) ctx.deps.kickSettlement();
  const posted = await ctx.deps.posts.outcomeOf("result", id);
  const key = !r.approved
    ? "payout.approve.counted"
    : ctx.deps.services.settlement
      ? "payout.approve.approvedPaying"
      : "payout.approve.approvedWaiting";
  return `${ctx.t.t(key, { id, approvals: r.approvals, required: r.required })}${failedPostNote(ctx.t, posted)}`;
}

async function reject(ctx: HandlerContext, id: number, reason: string): Promise<string> {
  await rejectPayout(ctx.deps.services, ctx.actor, id, reason);
  const posted = await ctx.deps.posts.outcomeOf("result", id);
  return `${ctx.t.t("payout.reject.done", { id })}${failedPostNote(ctx.t, posted)}`;
}

export const approveCommand: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await approve(ctx, i.options.getInteger("proposal", true)) }));
};

export const rejectCommand: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const content = await reject(ctx, i.options.getInteger("proposal", true), i.options.getString("reason", true));
  await i.editReply(edit({ content }));
};

/** Approve / Reject on the result message: `payout:<approve|reject>:<proposal>`. */
export const payoutButton: ComponentHandler = async (i, ctx, [action, id]) => {
  requireModerator(ctx);
  const proposalId = idArgument(id);
  if (action === "reject") {
    await i.showModal(rejectPayoutModal(ctx.t, proposalId));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await approve(ctx, proposalId) }));
};

export const rejectModal: ModalHandler = async (i, ctx, [id]) => {
  requireModerator(ctx);
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await reject(ctx, idArgument(id), i.fields.getTextInputValue("reason")) }));
};
