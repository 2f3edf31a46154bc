import { type MessageComponentInteraction, MessageFlags } from "discord.js";
import { findOpenProposal } from "../../services/proposals/findProposal.ts";
import { castVote } from "../../services/votes/castVote.ts";
import type { Choice } from "../../services/votes/tally.ts";
import { idArgument } from "../checkInput.ts";
import type { HandlerContext } from "../context.ts";
import { noMentions, post, replyWhenReady } from "../reply.ts";
import { describeRanking, describeVote, pointsSelect, rankSelect } from "../views/ballotViews.ts";
import { formatWeight, MAX_POINTS } from "../views/governanceFormat.ts";
import type { ComponentHandler } from "./types.ts";

// The ballot on a proposal's message: the components of the /proposal group that members vote with.

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

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
  const { t } = ctx;
  const now = describeVote(t, proposal, choice);
  const until = `<t:${unix(proposal.endsAt as Date)}:f>`;
  const weight = formatWeight(vote.weight);
  if (unchanged) return { content: t.t("ballot.unchanged", { vote: now, id, weight, until }) };
  return {
    content: t.t("ballot.recorded", {
      id,
      vote: now,
      replaced: previous !== null && previous !== undefined,
      previous: previous ? describeVote(t, proposal, previous.choice as Choice) : "",
      weight,
      conflicted: vote.conflicted,
      until,
    }),
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
  const proposalId = idArgument(id);
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
  const proposal = await findOpenProposal(ctx.deps.services, ctx.actor.guildId, idArgument(id));
  const ranked = [...parseList(sofar), Number(i.values[0])];
  const left = proposal.choices.map((_, k) => k + 1).filter((c) => !ranked.includes(c));
  const fromBallot = !i.message.flags.has(MessageFlags.Ephemeral);
  if (left.length <= 1) {
    if (fromBallot) await replyWhenReady(i, storeVote(i, ctx, proposal.id, [...ranked, ...left]));
    else await recordVoteInFlow(i, ctx, proposal.id, [...ranked, ...left]);
    return;
  }
  const view = {
    content: ctx.t.t("ballot.rankingSoFar", {
      id: proposal.id,
      ranking: describeRanking(ctx.t, proposal.choices, ranked),
    }),
    components: [{ type: 1, components: [rankSelect(ctx.t, proposal, ranked)] }],
  };
  if (fromBallot) await i.reply({ ...view, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  else await i.update(post({ ...view, allowedMentions: noMentions }));
};

/** Weighted and quadratic: points for each choice in turn, `points:<proposal>:<points so far>`. */
export const pointsComponent: ComponentHandler = async (i, ctx, [id, sofar]) => {
  const proposal = await findOpenProposal(ctx.deps.services, ctx.actor.guildId, idArgument(id));
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
    given.length > 0
      ? ctx.t.t("ballot.spreadSoFar", { given: given.map((n, k) => `${proposal.choices[k]} ${n}`).join(", ") })
      : "";
  const view = {
    content: ctx.t.t("ballot.spread", {
      max: MAX_POINTS,
      id: proposal.id,
      quadratic: proposal.votingType === "quadratic",
      sofar: sofarText,
    }),
    components: [{ type: 1, components: [pointsSelect(ctx.t, proposal, given)] }],
  };
  if (i.isButton()) await i.reply({ ...view, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
  else await i.update(post({ ...view, allowedMentions: noMentions }));
};
