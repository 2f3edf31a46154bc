import { MessageFlags } from "discord.js";
import type { ProposalContent } from "../../llm/proposalSchema.ts";
import {
  cancelProposalDraft,
  draftProposal,
  getProposalDraft,
  submitProposalDraft,
  updateProposalDraft,
} from "../../services/proposals/proposalDrafts.ts";
import { idArgument } from "../checkInput.ts";
import { edit, noMentions, post } from "../reply.ts";
import { postNote } from "../views/postNotes.ts";
import { proposalDraftView, proposalEditModal } from "../views/proposalViews.ts";
import { userLine } from "../views/userText.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./types.ts";

export const propose: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: ctx.t.t("proposal.drafting") }));
  const draft = await draftProposal(ctx.deps.services, ctx.actor, i.options.getString("idea", true));
  await i.editReply(
    edit(
      proposalDraftView(
        ctx.t,
        draft.id,
        draft.content as unknown as ProposalContent,
        draft.drafter,
        ctx.deps.services.token.symbol,
      ),
    ),
  );
};

/** Edit / Submit / Cancel on the author's private draft. */
export const draftButton: ComponentHandler = async (i, ctx, [action, id]) => {
  const draftId = idArgument(id);
  if (action === "edit") {
    const draft = await getProposalDraft(ctx.deps.services, ctx.actor, draftId);
    await i.showModal(proposalEditModal(ctx.t, draftId, draft.content));
    return;
  }
  if (action === "cancel") {
    await cancelProposalDraft(ctx.deps.services, ctx.actor, draftId);
    await i.update(
      post({
        content: ctx.t.t("proposal.draft.cancelled", { id: draftId }),
        embeds: [],
        components: [],
      }),
    );
    return;
  }
  const proposal = await submitProposalDraft(ctx.deps.services, ctx.actor, draftId);
  // Saved: acknowledged first, then the reply says where the public post is (or why not yet).
  await i.deferUpdate();
  const posted = await ctx.deps.posts.outcomeOf("proposal", proposal.id);
  await i.editReply(
    post({
      content: ctx.t.t("proposal.draft.submitted", {
        id: proposal.id,
        title: userLine(proposal.title, 200),
        kind: proposal.kind,
        posted: postNote(ctx.t, posted),
      }),
      embeds: [],
      components: [],
      allowedMentions: noMentions,
    }),
  );
};

/** The Edit modal's submission: the draft is updated and shown again. */
export const editModal: ModalHandler = async (i, ctx, [id]) => {
  const draftId = idArgument(id);
  const field = (name: string) => i.fields.getTextInputValue(name);
  const draft = await updateProposalDraft(ctx.deps.services, ctx.actor, draftId, {
    title: field("title"),
    summary: field("summary"),
    motivation: field("motivation"),
    specification: field("specification"),
    budget: field("budget"),
  });
  const view = proposalDraftView(
    ctx.t,
    draftId,
    draft.content as unknown as ProposalContent,
    draft.drafter,
    ctx.deps.services.token.symbol,
  );
  if (i.isFromMessage()) await i.update(post({ ...view, allowedMentions: noMentions }));
  else await i.reply({ ...view, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
};
