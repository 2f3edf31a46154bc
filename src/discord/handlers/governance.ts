import { type MessageComponentInteraction, MessageFlags } from "discord.js";
import { parseDuration } from "../../config.ts";
import { approvePayout, rejectPayout } from "../../services/approvals/decidePayout.ts";
import { UserError } from "../../services/errors.ts";
import { findOpenProposal, findProposal, memberVote } from "../../services/proposals/findProposal.ts";
import { openVoting } from "../../services/proposals/openVoting.ts";
import { proposalOverview } from "../../services/proposals/proposalOverview.ts";
import { castVote } from "../../services/votes/castVote.ts";
import type { Choice, VotingType } from "../../services/votes/tally.ts";
import { parseVotingTypeName } from "../../votingTypes.ts";
import { idArgument } from "../checkInput.ts";
import type { HandlerContext } from "../context.ts";
import { edit, ephemeral, noMentions, post, replyWhenReady } from "../reply.ts";
import { describeRanking, describeVote, pointsSelect, rankSelect } from "../views/ballotViews.ts";
import { formatWeight, MAX_POINTS, statusText } from "../views/governanceFormat.ts";
import { failedPostNote, postNote } from "../views/postNotes.ts";
import { proposalMessage } from "../views/proposalMessageView.ts";
import { quorumText } from "../views/quorumText.ts";
import { rejectPayoutModal } from "../views/resultViews.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./types.ts";

const tokenOf = (ctx: HandlerContext) => ({
  symbol: ctx.deps.config.TOKEN_SYMBOL,
  decimals: ctx.deps.config.TOKEN_DECIMALS,
});
const unix = (d: Date) => Math.floor(d.getTime() / 1000);

function requireModerator(ctx: HandlerContext): void {
  if (!ctx.isModerator) throw new UserError("missing_role", { role: ctx.deps.config.MODERATOR_ROLE });
}

const proposalIdArg = idArgument;

async function open(ctx: HandlerContext, id: number, type?: VotingType, choices?: string[], periodMs?: number) {
  const proposal = await openVoting(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId, id, {
    votingType: type,
    choices,
    periodMs,
  });
  const posted = await ctx.deps.posts.outcomeOf("proposal", id);
  const ballot = posted.state === "posted" ? ` The ballot is on its message in ${posted.channel}.` : postNote(posted);
  return `Proposal #${id} is open for votes until <t:${unix(proposal.endsAt as Date)}:f> (${proposal.votingType?.replace("_", "-")} vote, quorum: ${quorumText(proposal)}).${ballot}`;
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
      throw new UserError("invalid_voting_setup", {
        problem: `"${periodText.slice(0, 20)}" is not a period: write it like 30m, 48h or 7d`,
      });
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
  await i.editReply(edit({ content: await open(ctx, proposalIdArg(id)) }));
};

export const showCommand: CommandHandler = async (i, ctx) => {
  const id = i.options.getInteger("proposal", true);
  await findProposal(ctx.deps.services, ctx.actor.guildId, id);
  const overview = await proposalOverview(ctx.deps.services, id);
  const mine = await memberVote(ctx.deps.services, id, ctx.actor.discordId);
  const view = proposalMessage(overview, tokenOf(ctx));
  await i.reply(
    ephemeral({
      content: mine
        ? `Your vote: **${describeVote(overview.proposal, mine.choice as Choice)}** (weight ${formatWeight(mine.weight)}).`
        : overview.proposal.status === "open"
          ? `You have not voted on this proposal yet: use the ballot on its message in ${overview.proposal.channelId ? `<#${overview.proposal.channelId}>` : `#${ctx.deps.config.GOVERNANCE_CHANNEL}`}.`
          : `Status: ${statusText(overview.proposal.status)}.`,
      embeds: view.embeds,
    }),
  );
};

async function storeVote(i: MessageComponentInteraction, ctx: HandlerContext, id: number, choice: Choice) {
  const { vote, previous, proposal, unchanged } = await castVote(
    ctx.deps.services,
    {
      ...ctx.member,
      guildId: ctx.actor.guildId,
      discordId: ctx.actor.discordId,
      username: ctx.actor.username,
      bot: i.user.bot,
    },
    id,
    choice,
  );
  const now = describeVote(proposal, choice);
  if (unchanged) {
    return {
      content: `You already voted **${now}** on proposal #${id} (weight ${formatWeight(vote.weight)}); nothing changed. You can change your vote until <t:${unix(proposal.endsAt as Date)}:f>.`,
    };
  }
  const was = previous ? ` (it replaces your earlier vote: ${describeVote(proposal, previous.choice as Choice)})` : "";
  return {
    content: `Your vote on proposal #${id}: **${now}**${was}, weight ${formatWeight(vote.weight)}.${vote.conflicted ? " Your wallet receives a payout in this proposal, so the result is also shown without your vote." : ""} The last vote counts: you can change it until <t:${unix(proposal.endsAt as Date)}:f>.`,
  };
}

/** The last step of a private ranking or points flow: the vote replaces the flow's message. */
async function recordVoteInFlow(i: MessageComponentInteraction, ctx: HandlerContext, id: number, choice: Choice) {
  // Acknowledged first: the voter's weight may come from an RPC call (token balances), which can be slow.
  await i.deferUpdate();
  const { content } = await storeVote(i, ctx, id, choice);
  await i.editReply(post({ content, components: [], allowedMentions: noMentions }));
}

/** Ballot buttons (basic, single-choice) and the approval select: `vote:<proposal>:<choice | approval>`. */
export const voteComponent: ComponentHandler = async (i, ctx, [id, arg]) => {
  const proposalId = proposalIdArg(id);
  let choice: Choice;
  if (arg === "approval") {
    if (!i.isStringSelectMenu()) throw new Error("approval vote without a select menu");
    choice = i.values.map(Number).sort((a, b) => a - b);
  } else {
    choice = Number(arg);
  }
  // A burst of votes can queue on the database: past 1.5 s the vote is acknowledged first and confirmed after.
  await replyWhenReady(i, storeVote(i, ctx, proposalId, choice));
};

function parseList(text: string | undefined): number[] {
  return (text ?? "").split(",").filter(Boolean).map(Number);
}

/**
 * Ranked choice, one select per rank: `rank:<proposal>:<ranked so far>`. The first pick comes from the public
 * ballot and opens a private follow-up; each later pick updates it; the last choice ranks itself.
 */
export const rankComponent: ComponentHandler = async (i, ctx, [id, sofar]) => {
  if (!i.isStringSelectMenu()) throw new Error("rank without a select menu");
  const proposal = await findOpenProposal(ctx.deps.services, ctx.actor.guildId, proposalIdArg(id));
  const ranked = [...parseList(sofar), Number(i.values[0])];
  const left = proposal.choices.map((_, k) => k + 1).filter((c) => !ranked.includes(c));
  const fromBallot = !i.message.flags.has(MessageFlags.Ephemeral);
  if (left.length <= 1) {
    if (fromBallot) await replyWhenReady(i, storeVote(i, ctx, proposal.id, [...ranked, ...left]));
    else await recordVoteInFlow(i, ctx, proposal.id, [...ranked, ...left]);
    return;
  }
  const view = {
    content: `Ranking for proposal #${proposal.id} so far: ${describeRanking(proposal.choices, ranked)}.`,
    components: [{ type: 1, components: [rankSelect(proposal, ranked)] }],
  };
  if (fromBallot) await i.reply({ ...view, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  else await i.update(post({ ...view, allowedMentions: noMentions }));
};

/** Weighted and quadratic: points for each choice in turn, `points:<proposal>:<points so far>`. */
export const pointsComponent: ComponentHandler = async (i, ctx, [id, sofar]) => {
  const proposal = await findOpenProposal(ctx.deps.services, ctx.actor.guildId, proposalIdArg(id));
  const given = i.isStringSelectMenu() ? [...parseList(sofar), Number(i.values[0])] : [];
  if (given.length === proposal.choices.length) {
    const choice: Record<string, number> = {};
    given.forEach((n, k) => {
      if (n > 0) choice[String(k + 1)] = n;
    });
    await recordVoteInFlow(i, ctx, proposal.id, choice);
    return;
  }
  const sofarText =
    given.length > 0 ? ` So far: ${given.map((n, k) => `${proposal.choices[k]} ${n}`).join(", ")}.` : "";
  const view = {
    content: `Spread up to ${MAX_POINTS} points on each choice of proposal #${proposal.id}; your weight is split in proportion${proposal.votingType === "quadratic" ? " (quadratic: each choice counts the square root of its part)" : ""}.${sofarText}`,
    components: [{ type: 1, components: [pointsSelect(proposal, given)] }],
  };
  if (i.isButton()) await i.reply({ ...view, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  else await i.update(post({ ...view, allowedMentions: noMentions }));
};

async function approve(ctx: HandlerContext, id: number): Promise<string> {
  const r = await approvePayout(ctx.deps.services, ctx.actor, id);
  if (r.approved) ctx.deps.kickSettlement();
  const posted = await ctx.deps.posts.outcomeOf("result", id);
  const next = ctx.deps.services.settlement
    ? "it is being paid on-chain now; the receipt follows in the payouts channel"
    : "no chain is set up for payouts here, so it waits for one";
  return r.approved
    ? `You approved proposal #${id}: ${r.approvals} of ${r.required} approvals, so it is **approved**: ${next}.${failedPostNote(posted)}`
    : `You approved proposal #${id}: ${r.approvals} of ${r.required} approvals so far.${failedPostNote(posted)}`;
}

async function reject(ctx: HandlerContext, id: number, reason: string): Promise<string> {
  await rejectPayout(ctx.deps.services, ctx.actor, id, reason);
  const posted = await ctx.deps.posts.outcomeOf("result", id);
  return `You rejected proposal #${id}: it is **vetoed** and will not be paid. Your reason is recorded and shown on its result.${failedPostNote(posted)}`;
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
  const proposalId = proposalIdArg(id);
  if (action === "reject") {
    await i.showModal(rejectPayoutModal(proposalId));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await approve(ctx, proposalId) }));
};

export const rejectModal: ModalHandler = async (i, ctx, [id]) => {
  requireModerator(ctx);
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await reject(ctx, proposalIdArg(id), i.fields.getTextInputValue("reason")) }));
};
