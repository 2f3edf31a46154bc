import { parseUnits } from "ethers";
import { type ProposalContent, proposalContentSchema } from "../../llm/proposalSchema.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { parseAddress } from "../wallets/createWalletChallenge.ts";

const IDEA_MAX = 2000;

/** Drafts a proposal from a member's idea (LLM or template) and keeps it as the member's editable draft. */
export async function draftProposal(deps: ServiceDeps, actor: Actor, ideaInput: string) {
  const idea = ideaInput.trim();
  if (idea === "") throw new UserError("field_empty", { field: "idea" });
  if (idea.length > IDEA_MAX)
    throw new UserError("field_too_long", { field: "idea", max: IDEA_MAX, length: idea.length });
  const drafted = await deps.proposals.drafter(idea);
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

async function openDraft(deps: ServiceDeps, actor: Actor, id: number) {
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
export function parseBudget(input: string): ProposalContent["budget"] {
  const text = input.trim();
  if (text === "") return null;
  const match = /^(\d+(?:\.\d+)?)\s*(?:[A-Za-z]+\s+)?(?:to\s+)?(0x[0-9a-fA-F]{40})$/.exec(text);
  if (!match?.[1] || !match[2]) throw new UserError("invalid_budget", { input: text });
  return { amount: match[1], recipient: parseAddress(match[2]) };
}

/** Applies the member's edits (from the Edit modal), checked against the same limits as a drafted proposal. */
export async function updateProposalDraft(
  deps: ServiceDeps,
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
    budget: edits.budget === undefined ? draft.content.budget : parseBudget(edits.budget),
  };
  for (const [field, max] of [
    ["title", 100],
    ["summary", 1000],
    ["motivation", 1500],
    ["specification", 3000],
  ] as const) {
    if (next[field] === "") throw new UserError("field_empty", { field });
    if (next[field].length > max) throw new UserError("field_too_long", { field, max, length: next[field].length });
  }
  const content = proposalContentSchema.parse(next);
  return deps.db.proposalDraft.update({ where: { id }, data: { content: content as never } });
}

/** Submit: the draft becomes a Proposal in status `draft` (funding when it requests a budget), audited. */
export async function submitProposalDraft(deps: ServiceDeps, actor: Actor, id: number) {
  const draft = await openDraft(deps, actor, id);
  const c = draft.content;
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const claimed = await tx.proposalDraft.updateMany({
      where: { id, submittedAt: null, cancelledAt: null },
      data: { submittedAt: now },
    });
    if (claimed.count === 0) throw new UserError("proposal_draft_closed", { id, state: "submitted" });
    const amount = c.budget ? parseUnits(c.budget.amount, deps.proposals.tokenDecimals) : null;
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
    return proposal;
  });
}

export async function cancelProposalDraft(deps: ServiceDeps, actor: Actor, id: number) {
  await openDraft(deps, actor, id);
  await deps.db.proposalDraft.updateMany({
    where: { id, submittedAt: null, cancelledAt: null },
    data: { cancelledAt: deps.now() },
  });
}

export async function getProposalDraft(deps: ServiceDeps, actor: Actor, id: number) {
  return openDraft(deps, actor, id);
}
