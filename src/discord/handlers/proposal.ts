import { MessageFlags } from "discord.js";
import { parseDuration } from "../../base/parseDuration.ts";
import type { ProposalContent } from "../../llm/proposalSchema.ts";
import { UserError } from "../../services/errors.ts";
import { findProposal, memberVote } from "../../services/proposals/findProposal.ts";
import { openVoting } from "../../services/proposals/openVoting.ts";
import { getProposalDraft, listOpenDrafts } from "../../services/proposals/proposalDrafts.ts";
import { proposalOverview } from "../../services/proposals/proposalOverview.ts";
import type { Choice, VotingType } from "../../services/votes/tally.ts";
import { parseVotingTypeName } from "../../votingTypes.ts";
import { idArgument } from "../checkInput.ts";
import type { HandlerContext } from "../context.ts";
import { edit, ephemeral } from "../reply.ts";
import { describeVote } from "../views/ballotViews.ts";
import { formatWeight, statusText } from "../views/governanceFormat.ts";
import { postNote } from "../views/postNotes.ts";
import { proposalMessage } from "../views/proposalMessageView.ts";
import { proposalDraftView } from "../views/proposalViews.ts";
import { quorumText } from "../views/quorumText.ts";
import { userLine } from "../views/userText.ts";
import { requireModerator } from "./requireModerator.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

async function open(ctx: HandlerContext, id: number, type?: VotingType, choices?: string[], periodMs?: number) {
  const proposal = await openVoting(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId, id, {
    votingType: type,
    choices,
    periodMs,
  });
  const posted = await ctx.deps.posts.outcomeOf("proposal", id);
  const { t } = ctx;
  const ballot =
    posted.state === "posted" ? t.t("proposal.open.ballotIn", { channel: posted.channel }) : postNote(t, posted);
  return t.t("proposal.open.opened", {
    id,
    until: `<t:${unix(proposal.endsAt as Date)}:f>`,
    type: proposal.votingType ?? "undefined",
    quorum: quorumText(t, proposal),
    ballot,
  });
}

export const openCommand: CommandHandler = async (i, ctx) => {
  const id = i.options.getInteger("proposal", true);
  const typeName = i.options.getString("type");
  const type = typeName === null ? undefined : parseVotingTypeName(typeName);
  const choicesText = i.options.getString("choices");
  const periodText = i.options.getString("period")?.trim();
  let periodMs: number | undefined;
  if (periodText) {
    try {
      periodMs = parseDuration(periodText);
    } catch {
      throw new UserError("invalid_voting_setup", { problem: "period_format", input: periodText.slice(0, 20) });
    }
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const choices = choicesText ? choicesText.split(";") : undefined;
  await i.editReply(edit({ content: await open(ctx, id, type, choices, periodMs) }));
};

/** "Open vote" on a draft's message: default terms. */
export const openButton: ComponentHandler = async (i, ctx, [, id]) => {
  requireModerator(ctx);
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await open(ctx, idArgument(id)) }));
};

export const showCommand: CommandHandler = async (i, ctx) => {
  const id = i.options.getInteger("proposal", true);
  await findProposal(ctx.deps.services, ctx.actor.guildId, id);
  const overview = await proposalOverview(ctx.deps.services, id);
  const mine = await memberVote(ctx.deps.services, id, ctx.actor.discordId);
  const { t } = ctx;
  const view = proposalMessage(t, overview, ctx.deps.services.token);
  await i.reply(
    ephemeral({
      content: mine
        ? t.t("proposal.show.yourVote", {
            vote: describeVote(t, overview.proposal, mine.choice as Choice),
            weight: formatWeight(mine.weight),
          })
        : overview.proposal.status === "open"
          ? t.t("proposal.show.notVoted", {
              channel: overview.proposal.channelId
                ? `<#${overview.proposal.channelId}>`
                : `#${ctx.deps.settings.channels.governance}`,
            })
          : t.t("proposal.show.status", { status: statusText(t, overview.proposal.status) }),
      embeds: view.embeds,
    }),
  );
};

/** `/proposal drafts [draft]`: reopens a draft with its Edit / Submit / Cancel buttons, and lists the others. */
export const drafts: CommandHandler = async (i, ctx) => {
  const open = await listOpenDrafts(ctx.deps.services, ctx.actor);
  const wanted = i.options.getInteger("draft");
  if (open.length === 0 && wanted === null) {
    await i.reply(ephemeral({ content: ctx.t.t("proposal.drafts.none") }));
    return;
  }
  const draft = wanted === null ? open[0] : await getProposalDraft(ctx.deps.services, ctx.actor, wanted);
  if (!draft) return;
  const view = proposalDraftView(
    ctx.t,
    draft.id,
    draft.content as unknown as ProposalContent,
    draft.drafter,
    ctx.deps.services.token.symbol,
  );
  const others = open.filter((d) => d.id !== draft.id);
  const list =
    others.length === 0
      ? ""
      : ctx.t.t("proposal.drafts.others", {
          drafts: others
            .map((d) => `#${d.id} “${userLine((d.content as { title?: string }).title ?? d.idea.slice(0, 40), 80)}”`)
            .join(", "),
        });
  await i.reply(ephemeral({ ...view, content: `${view.content ?? ""}${list ? `\n${list}` : ""}`.trim() }));
};
