import { MessageFlags } from "discord.js";
import { policyStatus } from "../../services/policy/policyStatus.ts";
import { proposePolicy } from "../../services/policy/proposePolicy.ts";
import { edit } from "../reply.ts";
import { policyProposedText, policyStatusView } from "../views/policyViews.ts";
import { parseTokenAmount } from "./parseTokenAmount.ts";
import type { CommandHandler } from "./types.ts";

export const show: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const status = await policyStatus(ctx.deps.services, ctx.actor.guildId);
  await i.editReply(edit(policyStatusView(ctx.t, status, ctx.deps.services.token)));
};

export const propose: CommandHandler = async (i, ctx) => {
  const { token } = ctx.deps.services;
  const cap = i.options.getString("cap");
  const change = {
    weights: i.options.getString("weights") ?? undefined,
    maxPerContribution: cap === null ? undefined : parseTokenAmount(cap, token.decimals),
    model: i.options.getString("model") ?? undefined,
    promptVersion: i.options.getString("prompt_version") ?? undefined,
    reason: i.options.getString("reason") ?? undefined,
  };
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const proposed = await proposePolicy(ctx.deps.services, ctx.actor, change);
  await i.editReply(edit({ content: policyProposedText(ctx.t, proposed, token) }));
};
