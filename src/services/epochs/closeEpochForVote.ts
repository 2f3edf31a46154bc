import { type TokenUnits, tokenAmount } from "../../base/token.ts";
import type { DistributionFacts } from "../../llm/distributionExplainers.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { isUserError } from "../errors.ts";
import { openVoting } from "../proposals/openVoting.ts";
import { closeEpoch } from "./closeEpoch.ts";

const units = (deps: Pick<ServiceDeps, "token">, amount: TokenUnits) => tokenAmount(amount, deps.token);

/**
 * The whole close: the epoch closes and its distribution is drafted (one transaction), the agent explains the
 * allocation in plain words (outside the transaction: a model call can take seconds), and the vote opens.
 * When the member list is unavailable (no bot connected) the proposal stays a draft for a moderator to open. An
 * epoch with nothing payable closes without a proposal.
 */
export async function closeEpochForVote(
  deps: Pick<
    ServiceDeps,
    | "calibration"
    | "compute"
    | "db"
    | "epochs"
    | "evaluation"
    | "governance"
    | "mentorship"
    | "now"
    | "proposals"
    | "token"
  >,
  guildId: string,
  actorId: string,
) {
  const closed = await closeEpoch(deps, guildId, actorId);
  const { proposal, batch, epoch } = closed;
  if (!proposal) return { ...closed, proposal: null, opened: false, notOpenedBecause: null };
  const carriedTotal = closed.carried.reduce((n, c) => n + c.amount, 0n);
  const facts: DistributionFacts = {
    epoch: epoch.number,
    token: deps.token.symbol,
    budget: units(deps, epoch.budget),
    suggestedTotal: units(deps, closed.suggestedTotal),
    paidTotal: units(
      deps,
      batch.reduce((n, e) => n + BigInt(e.amount), 0n),
    ),
    scaled: closed.scaled,
    payouts: batch.map((e) => ({
      recipient: e.recipient,
      amount: units(deps, e.amount),
      contributions: e.refs.filter((r) => r.startsWith("contribution:")).length,
      carriedIn: e.refs.some((r) => r.startsWith("carry:")),
    })),
    contributions: closed.contributions,
    carriedOut: { members: closed.carried.length, total: units(deps, carriedTotal) },
    leftForNextEpoch: closed.leftForNextEpoch,
    ...(closed.compute.total > 0n
      ? {
          compute: {
            total: units(deps, closed.compute.total),
            budget: units(deps, closed.compute.budget),
            providers: closed.compute.providers,
            nodes: closed.compute.uptimeRewards,
            leases: closed.compute.leaseRewards,
          },
        }
      : {}),
  };
  const summary = await deps.proposals.explainer(facts);
  await runAudited(deps.db, async (tx) => {
    await tx.proposal.update({ where: { id: proposal.id }, data: { summary: summary.text } });
    await appendAuditEvent(tx, {
      guildId,
      actorId,
      action: "proposal.summarised",
      subjectType: "proposal",
      subjectId: String(proposal.id),
      payload: { explainer: summary.explainer, model: summary.model, promptSha256: summary.promptSha256 },
      createdAt: deps.now(),
    });
  });
  let opened = null;
  let notOpenedBecause: string | null = null;
  try {
    // A distribution is accepted or not as a whole: For / Against / Abstain, whatever VOTING_TYPE says.
    opened = await openVoting(deps, guildId, actorId, proposal.id, { votingType: "basic" });
  } catch (error) {
    if (!isUserError(error)) throw error;
    notOpenedBecause = error.code;
  }
  return {
    ...closed,
    summary,
    proposal: opened ?? { ...proposal, summary: summary.text },
    opened: opened !== null,
    notOpenedBecause,
  };
}
