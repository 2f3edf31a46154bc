import { parseUnits } from "ethers";
import { type ProposalContent, proposalContentSchema } from "../../llm/proposalSchema.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { requireText } from "../requireText.ts";
import { parseAddress } from "../wallets/createWalletChallenge.ts";

const IDEA_MAX = 2000;

/** Drafts a proposal from a member's idea (LLM or template) and keeps it as the member's editable draft. */
export async function draftProposal(
  deps: Pick<ServiceDeps, "db" | "now" | "proposals" | "token">,
  actor: Actor,
  ideaInput: string,
) {
  const idea = requireText("idea", ideaInput, IDEA_MAX);
  const drafted = await deps.proposals.drafter(idea);
  // A recipient read from the idea gets the same checks as a linked wallet (a bad checksum is a typo).
  if (drafted.content.budget) checkBudget(drafted.content.budget, deps.token.decimals);
  return deps.db.proposalDraft.create({
    data: {
      guildId: actor.guildId,
      authorDiscordId: actor.discordId,
      idea,
      content: drafted.content as never,
      drafter: drafted.drafter,
      model: drafted.model,
      promptSha256: drafted.promptSha256,
      createdAt: deps.now(),
    },
  });
}

async function openDraft(deps: Pick<ServiceDeps, "db">, actor: Actor, id: number) {
  const draft = await deps.db.proposalDraft.findFirst({
    where: { id, guildId: actor.guildId, authorDiscordId: actor.discordId },
  });
  if (!draft) throw new UserError("proposal_draft_not_found", { id });
  if (draft.submittedAt) throw new UserError("proposal_draft_closed", { id, state: "submitted" });
  if (draft.cancelledAt) throw new UserError("proposal_draft_closed", { id, state: "cancelled" });
  return { ...draft, content: draft.content as unknown as ProposalContent };
}

export function budgetText(budget: ProposalContent["budget"]): string {
  return budget ? `${budget.amount} ${budget.recipient}` : "";
}

/** "500 0xabc…" → {amount, recipient}; "" → null. */
export function parseBudget(input: string, decimals: number): ProposalContent["budget"] {
  const text = input.trim();
  if (text === "") return null;
  const match = /^(\d+(?:\.\d+)?)\s*(?:[A-Za-z]+\s+)?(?:to\s+)?(0x[0-9a-fA-F]{40})$/.exec(text);
  if (!match?.[1] || !match[2]) throw new UserError("invalid_budget", { input: text, problem: "format" });
  return checkBudget({ amount: match[1], recipient: match[2] }, decimals, text);
}

const UINT256_MAX = 2n ** 256n - 1n;

/** An amount a token can transfer (above 0, at most `decimals` decimals, within uint256) to a valid address. */
function checkBudget(budget: NonNullable<ProposalContent["budget"]>, decimals: number, input = budget.amount) {
  const [, fraction = ""] = budget.amount.split(".");
  if (fraction.length > decimals) throw new UserError("invalid_budget", { input, problem: "decimals", decimals });
  const units = parseUnits(budget.amount, decimals);
  if (units <= 0n) throw new UserError("invalid_budget", { input, problem: "zero" });
  if (units > UINT256_MAX) throw new UserError("invalid_budget", { input, problem: "too_large" });
  return { amount: budget.amount, recipient: parseAddress(budget.recipient) };
}

/** Applies the member's edits (from the Edit modal), checked against the same limits as a drafted proposal. */
export async function updateProposalDraft(
  deps: Pick<ServiceDeps, "db" | "token">,
  actor: Actor,
  id: number,
  edits: Partial<Omit<ProposalContent, "budget">> & { budget?: string },
) {
  const draft = await openDraft(deps, actor, id);
  const next: ProposalContent = {
    ...draft.content,
    ...Object.fromEntries(
      Object.entries(edits)
        .filter(([k, v]) => k !== "budget" && v !== undefined)
        .map(([k, v]) => [k, String(v).trim()]),
    ),
    budget: edits.budget === undefined ? draft.content.budget : parseBudget(edits.budget, deps.token.decimals),
  };
  for (const [field, max] of [
    ["title", 100],
    ["summary", 1000],
    ["motivation", 1500],
    ["specification", 3000],
  ] as const) {
    next[field] = requireText(field, next[field], max);
  }
  const content = proposalContentSchema.parse(next);
  return deps.db.proposalDraft.update({ where: { id }, data: { content: content as never } });
}

/** Submit: the draft becomes a Proposal in status `draft` (funding when it requests a budget), audited. */
export async function submitProposalDraft(deps: Pick<ServiceDeps, "db" | "now" | "token">, actor: Actor, id: number) {
  const draft = await openDraft(deps, actor, id);
  const c = draft.content;
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const claimed = await tx.proposalDraft.updateMany({
      where: { id, submittedAt: null, cancelledAt: null },
      data: { submittedAt: now },
    });
    if (claimed.count === 0) throw new UserError("proposal_draft_closed", { id, state: "submitted" });
    const amount = c.budget ? parseUnits(c.budget.amount, deps.token.decimals) : null;
    const proposal = await tx.proposal.create({
      data: {
        guildId: actor.guildId,
        kind: c.budget ? "funding" : "general",
        authorDiscordId: actor.discordId,
        title: c.title,
        summary: c.summary,
        motivation: c.motivation,
        specification: c.specification,
        budgetAmount: amount?.toString() ?? null,
        budgetRecipient: c.budget?.recipient ?? null,
        risks: c.risks,
        successMetrics: c.successMetrics,
        createdAt: now,
      },
    });
    await tx.proposalDraft.update({ where: { id }, data: { proposalId: proposal.id } });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "proposal.drafted",
      subjectType: "proposal",
      subjectId: String(proposal.id),
      payload: {
        draftId: id,
        kind: proposal.kind,
        drafter: draft.drafter,
        model: draft.model,
        promptSha256: draft.promptSha256,
        budgetAmount: amount?.toString() ?? null,
        budgetRecipient: c.budget?.recipient ?? null,
      },
      createdAt: now,
    });
    await enqueuePosts(tx, now, [{ guildId: actor.guildId, kind: "proposal", subjectId: proposal.id }]);
    return proposal;
  });
}

export async function cancelProposalDraft(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor, id: number) {
  await openDraft(deps, actor, id);
  await deps.db.proposalDraft.updateMany({
    where: { id, submittedAt: null, cancelledAt: null },
    data: { cancelledAt: deps.now() },
  });
}

export async function getProposalDraft(deps: Pick<ServiceDeps, "db">, actor: Actor, id: number) {
  return openDraft(deps, actor, id);
}

/** The caller's drafts not yet submitted or cancelled, newest first (a draft lives on after a client reload). */
export function listOpenDrafts(deps: Pick<ServiceDeps, "db">, actor: Actor) {
  return deps.db.proposalDraft.findMany({
    where: { guildId: actor.guildId, authorDiscordId: actor.discordId, submittedAt: null, cancelledAt: null },
    orderBy: { updatedAt: "desc" },
    take: 25,
  });
}
