import { type ChatInputCommandInteraction, MessageFlags, type ModalSubmitInteraction } from "discord.js";
import { CONTRIBUTION_STATUS_CHOICES } from "../../../commands/contribute.ts";
import type { ContributionCategoryName } from "../../services/contributions/contributionRules.ts";
import { getContribution } from "../../services/contributions/getContribution.ts";
import { listContributions } from "../../services/contributions/listContributions.ts";
import { submitContribution } from "../../services/contributions/submitContribution.ts";
import { withdrawContribution } from "../../services/contributions/withdrawContribution.ts";
import type { HandlerContext } from "../context.ts";
import { edit, ephemeral, noMentions, post } from "../reply.ts";
import {
  type ContributionListState,
  contributionEmbed,
  contributionFormModal,
  contributionListView,
  readListId,
} from "../views/contributionViews.ts";
import { postNote } from "../views/postNotes.ts";
import { userLine } from "../views/userText.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./types.ts";

type Status = (typeof CONTRIBUTION_STATUS_CHOICES)[number];
const isStatus = (s: string | null | undefined): s is Status =>
  s !== null && s !== undefined && (CONTRIBUTION_STATUS_CHOICES as readonly string[]).includes(s);

const splitLinks = (text: string) => text.split(/[\s,]+/).filter((l) => l.trim() !== "");

export const submit: CommandHandler = async (i, ctx) => {
  const o = i.options;
  const links = [
    ...splitLinks(o.getString("links") ?? ""),
    ...[1, 2, 3, 4, 5].map((n) => o.getString(`link${n}`) ?? "").filter((l) => l.trim() !== ""),
  ];
  const category = o.getString("category", true) as ContributionCategoryName;
  const hours = o.getNumber("hours") ?? undefined;
  const description = o.getString("description");
  // Slash-command text is one line on Discord: without a description, a form takes several lines.
  if (description === null) {
    await i.showModal(contributionFormModal(ctx.t, { title: o.getString("title", true), category, hours, links }));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await finishSubmission(i, ctx, { title: o.getString("title", true), description, category, links, hours });
};

/** The contribution form (opened by `/contribute submit` without a description): the submission itself. */
export const submitForm: ModalHandler = async (i, ctx, [category, hours]) => {
  const field = (name: string) => i.fields.getTextInputValue(name);
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await finishSubmission(i, ctx, {
    title: field("title"),
    description: field("description"),
    category: (category ?? "") as ContributionCategoryName,
    links: splitLinks(field("links")),
    hours: hours ? Number(hours) : undefined,
  });
};

async function finishSubmission(
  i: ChatInputCommandInteraction | ModalSubmitInteraction,
  ctx: HandlerContext,
  input: Parameters<typeof submitContribution>[2],
) {
  const contribution = await submitContribution(ctx.deps.services, ctx.actor, input);
  ctx.deps.kickEvaluations();
  const where = postNote(ctx.t, await ctx.deps.posts.outcomeOf("contribution", contribution.id));
  await i.editReply(
    edit({
      content: ctx.t.t("contribution.submitted", {
        id: String(contribution.id),
        title: userLine(contribution.title, 120),
        postNote: where,
      }),
    }),
  );
}

async function renderList(ctx: HandlerContext, state: ContributionListState) {
  const result = await listContributions(ctx.deps.services, {
    guildId: ctx.actor.guildId,
    authorDiscordId: state.scope === "mine" ? ctx.actor.discordId : undefined,
    status: state.status,
    page: state.page,
  });
  return contributionListView(ctx.t, result, { ...state, page: result.page });
}

export const list: CommandHandler = async (i, ctx) => {
  const scope = i.options.getString("scope") === "all" ? "all" : "mine";
  const status = i.options.getString("status");
  const view = await renderList(ctx, { scope, status: isStatus(status) ? status : undefined, page: 1 });
  await i.reply(ephemeral(view));
};

/** Previous / Next on a list: the list's whole state travels in the button's custom id. */
export const listPage: ComponentHandler = async (i, ctx, args) => {
  const view = await renderList(ctx, readListId(args));
  await i.update(post({ ...view, allowedMentions: noMentions }));
};

export const show: CommandHandler = async (i, ctx) => {
  const contribution = await getContribution(ctx.deps.services, ctx.actor.guildId, i.options.getInteger("id", true));
  await i.reply(ephemeral({ embeds: [contributionEmbed(ctx.t, contribution)] }));
};

export const withdraw: CommandHandler = async (i, ctx) => {
  // The public post is brought up to date (it shows the contribution withdrawn) by the publisher.
  const contribution = await withdrawContribution(ctx.deps.services, ctx.actor, i.options.getInteger("id", true));
  await i.reply(
    ephemeral({
      content: ctx.t.t("contribution.withdrawn", {
        id: String(contribution.id),
        title: userLine(contribution.title, 120),
      }),
    }),
  );
};
