import { EVALUATE_PROMPT_VERSIONS } from "../../llm/prompts/evaluatePrompts.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { policySha256, recordPolicyVersion } from "../evaluations/evaluationPolicy.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { requireText } from "../requireText.ts";
import { activePolicy } from "./activePolicy.ts";
import { juryItemsForRescoring } from "./juryItemsForRescoring.ts";
import { candidatePolicy, type PolicyChangeInput, policyDiff } from "./parsePolicyChange.ts";
import { policyProposalText } from "./policyProposalText.ts";
import { rescoreAgreement } from "./rescoreAgreement.ts";

/** The evaluation prompts Steward has (src/llm/prompts): a policy may only name one of them. */
export const PROMPT_VERSIONS: readonly string[] = EVALUATE_PROMPT_VERSIONS;

const REASON_MAX = 1000;

/**
 * `/policy propose`: the candidate (the active policy with the member's changes), the jury's last samples re-scored
 * under both, stored as facts with a governance proposal of kind `policy` in status draft. A moderator opens its
 * vote like any general proposal's; nothing is paid by it.
 */
export async function proposePolicy(
  deps: Pick<ServiceDeps, "db" | "now" | "evaluation">,
  actor: Actor,
  change: PolicyChangeInput & { reason?: string | undefined },
) {
  const { guildId } = actor;
  const active = await activePolicy(deps.db, deps.evaluation, guildId);
  const candidate = candidatePolicy(active.content, change, PROMPT_VERSIONS);
  const reason = change.reason === undefined ? null : requireText("reason", change.reason, REASON_MAX);
  const { items, epochs } = await juryItemsForRescoring(deps.db, guildId);
  const rescoring = rescoreAgreement(active.content, candidate, items, epochs);
  const diff = policyDiff(active.content, candidate);
  const sha256 = policySha256(candidate);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const baseVersion = await recordPolicyVersion(tx, active.content, guildId, now);
    const text = policyProposalText(baseVersion, diff, reason);
    const proposal = await tx.proposal.create({
      data: { guildId, kind: "policy", authorDiscordId: actor.discordId, ...text, createdAt: now },
    });
    await tx.policyProposal.create({
      data: {
        proposalId: proposal.id,
        guildId,
        baseVersion,
        content: candidate as never,
        sha256,
        rescoring: rescoring as never,
        createdAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId,
      actorId: actor.discordId,
      action: "policy.proposed",
      subjectType: "proposal",
      subjectId: String(proposal.id),
      payload: { baseVersion, sha256, diff, content: candidate, rescoring },
      createdAt: now,
    });
    await enqueuePosts(tx, now, [{ guildId, kind: "proposal", subjectId: proposal.id }]);
    return { proposal, baseVersion, diff, rescoring };
  });
}
