import { MessageFlags } from "discord.js";
import { CONTRIBUTION_STATUS_CHOICES } from "../../../commands/contribute.ts";
import type { ContributionCategoryName } from "../../services/contributions/contributionRules.ts";
import { getContribution } from "../../services/contributions/getContribution.ts";
import { listContributions } from "../../services/contributions/listContributions.ts";
import { submitContribution } from "../../services/contributions/submitContribution.ts";
import { withdrawContribution } from "../../services/contributions/withdrawContribution.ts";
import type { HandlerContext } from "../context.ts";
import { edit, ephemeral, noMentions, post } from "../reply.ts";
import { type ContributionListState, contributionEmbed, contributionListView } from "../views/contributionViews.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

type Status = (typeof CONTRIBUTION_STATUS_CHOICES)[number];
const isStatus = (s: string | null | undefined): s is Status =>
  s !== null && s !== undefined && (CONTRIBUTION_STATUS_CHOICES as readonly string[]).includes(s);

export const submit: CommandHandler = async (i, ctx) => {
  const o = i.options;
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const links = [
    ...(o.getString("links") ?? "").split(/[\s,]+/),
    ...[1, 2, 3, 4, 5].map((n) => o.getString(`link${n}`) ?? ""),
  ].filter((l) => l.trim() !== "");
  const contribution = await submitContribution(ctx.deps.services, ctx.actor, {
    title: o.getString("title", true),
    description: o.getString("description", true),
    category: o.getString("category", true) as ContributionCategoryName,
    links,
    hours: o.getNumber("hours") ?? undefined,
  });
  const posted = await ctx.deps.services.notifier.contributionSubmitted(contribution.id);
  const where = posted ? ` It is posted in <#${posted.channelId}>.` : "";
  await i.editReply(
    edit({
      content: `Contribution **#${contribution.id}** “${contribution.title}” is submitted and waiting for evaluation.${where}`,
    }),
  );
  ctx.deps.kickEvaluations();
};

async function renderList(ctx: HandlerContext, state: ContributionListState) {
  const result = await listContributions(ctx.deps.services, {
    guildId: ctx.actor.guildId,
    authorDiscordId: state.scope === "mine" ? ctx.actor.discordId : undefined,
    status: state.status,
    page: state.page,
  });
  return contributionListView(result, { ...state, page: result.page });
}

export const list: CommandHandler = async (i, ctx) => {
  const scope = i.options.getString("scope") === "all" ? "all" : "mine";
  const status = i.options.getString("status");
  const view = await renderList(ctx, { scope, status: isStatus(status) ? status : undefined, page: 1 });
  await i.reply(ephemeral(view));
};

/** Previous / Next on a list: the list's whole state travels in the button's custom id. */
export const listPage: ComponentHandler = async (i, ctx, [scope, status, page]) => {
  const view = await renderList(ctx, {
    scope: scope === "all" ? "all" : "mine",
    status: isStatus(status) ? status : undefined,
    page: Number.parseInt(page ?? "1", 10) || 1,
  });
  await i.update(post({ ...view, allowedMentions: noMentions }));
};

export const show: CommandHandler = async (i, ctx) => {
  const contribution = await getContribution(ctx.deps.services, ctx.actor.guildId, i.options.getInteger("id", true));
  await i.reply(ephemeral({ embeds: [contributionEmbed(contribution)] }));
};

export const withdraw: CommandHandler = async (i, ctx) => {
  const contribution = await withdrawContribution(ctx.deps.services, ctx.actor, i.options.getInteger("id", true));
  // Keep the public post truthful: it now shows the contribution as withdrawn.
  await ctx.deps.services.notifier.contributionChanged(contribution.id);

  await i.reply(ephemeral({ content: `Contribution **#${contribution.id}** “${contribution.title}” is withdrawn.` }));
};
