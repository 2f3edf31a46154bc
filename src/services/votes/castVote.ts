import { proposalOfGuild } from "../../db/sql/proposalOfGuild.ts";
import { inTransaction, type SqlConnection } from "../../db/sqlDriver.ts";
import { type AuditInput, appendAuditEventsSql } from "../audit/appendAuditEvent.ts";
import { canonicalJson } from "../audit/canonicalJson.ts";
import { retryOnChainFork } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueue, type ItemOutcome } from "../groupCommit.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { payoutOf } from "../proposals/payoutOf.ts";
import { enqueuePostsOn } from "../publishing/enqueuePosts.ts";
import { type Choice, isValidChoice } from "./tally.ts";
import { requireEligible, voterWeight } from "./voterWeight.ts";
import type { PreparedVote, Proposal, Voter, Written } from "./voteWriter.ts";

const closedError = (p: { id: number; status: string; endsAt: Date | null }) =>
  new UserError("vote_closed", {
    id: p.id,
    status: p.status === "open" ? "being closed" : p.status,
    endedAt: p.endsAt,
  });

async function openProposal(
  deps: Pick<ServiceDeps, "db" | "votes">,
  id: number,
  guildId: string,
): Promise<Proposal | null> {
  const cache = deps.votes.openProposals;
  const cached = cache.get(id);
  if (cached) return cached.guildId === guildId ? cached : null;
  const proposal = await proposalOfGuild(deps.db, guildId, id);
  if (proposal?.status === "open") cache.set(id, proposal);
  return proposal;
}

/** Everything that can be checked before writing: the proposal is open, the choice valid, the voter eligible. */
async function prepareVote(
  deps: Pick<ServiceDeps, "db" | "governance" | "now" | "votes">,
  voter: Voter,
  proposalId: number,
  choice: Choice,
): Promise<PreparedVote> {
  const now = deps.now();
  const proposal = await openProposal(deps, proposalId, voter.guildId);
  if (!proposal) throw new UserError("proposal_not_found", { id: proposalId });
  if (proposal.status !== "open" || !proposal.endsAt || proposal.endsAt <= now || !proposal.votingType) {
    // Say where it really stands (the cached copy may predate the close).
    deps.votes.openProposals.delete(proposalId);
    throw closedError((await deps.db.proposal.findUnique({ where: { id: proposalId } })) ?? proposal);
  }
  if (!isValidChoice(proposal.votingType, choice, proposal.choices.length)) {
    throw new UserError("invalid_vote", { id: proposalId, votingType: proposal.votingType });
  }
  requireEligible(deps, voter, now);
  const recipients = payoutOf(proposal).recipients;
  const needsWallet = recipients.size > 0 || proposal.weightStrategy === "erc20-balance";
  const wallet = needsWallet
    ? await deps.db.wallet.findFirst({
        where: { activeFor: { not: null }, member: { guildId: voter.guildId, discordId: voter.discordId } },
      })
    : null;
  const weight = await voterWeight(deps, voter, wallet?.address ?? null, proposal.snapshotBlock);
  if (!(weight > 0)) throw new UserError("no_voting_power", { strategy: proposal.weightStrategy ?? "" });
  const conflicted = wallet !== null && recipients.has(wallet.address.toLowerCase());
  return { now: deps.now, voter, proposal, choice, weight, conflicted };
}

/**
 * Writes a batch of prepared votes in one transaction (group commit): per proposal one row lock that also
 * re-checks it is still open (a close that came first wins; one in progress waits), one read of previous votes,
 * one upsert for the batch (unique per proposal and member: the last vote counts), and one chained audit insert.
 * Plain SQL on one pooled connection: through the ORM each of these statements cost several times its round trip,
 * which was most of a vote's latency under a burst (profiled with bench/votes).
 */
async function writeVotes(
  deps: Pick<ServiceDeps, "db" | "governance" | "votes">,
  batch: PreparedVote[],
): Promise<ItemOutcome<Written>[]> {
  const now = batch[0]?.now() ?? new Date();
  // First contact of a voter creates their member row, as any first action does; it needs no vote to be valid.
  const members = await memberIds(deps, batch, now);
  // Another writer appended to the audit chain first (unique prevHash): the batch re-runs on the new head.
  const outcomes = await retryOnChainFork(() =>
    deps.votes.sql.withConnection((conn) => inTransaction(conn, () => writeBatch(deps, conn, batch, members, now))),
  );
  return outcomes.map((o) =>
    o instanceof UserError ? { status: "rejected", reason: o } : { status: "fulfilled", value: o },
  );
}

async function memberIds(
  deps: Pick<ServiceDeps, "db" | "votes">,
  batch: PreparedVote[],
  now: Date,
): Promise<Map<string, string>> {
  const keyOf = (v: Voter) => `${v.guildId}:${v.discordId}`;
  const voters = [...new Map(batch.map((v) => [keyOf(v.voter), v.voter])).values()];
  const known = await deps.votes.sql.query<{ id: string; guildId: string; discordId: string }>(
    `SELECT m."id", m."guildId", m."discordId" FROM "Member" m
     JOIN unnest($1::text[], $2::text[]) AS k(g, d) ON m."guildId" = k.g AND m."discordId" = k.d`,
    [voters.map((v) => v.guildId), voters.map((v) => v.discordId)],
  );
  const ids = new Map(known.map((m) => [`${m.guildId}:${m.discordId}`, m.id]));
  for (const v of voters) {
    if (!ids.has(keyOf(v))) ids.set(keyOf(v), (await ensureMember(deps.db, v, now)).id);
  }
  return ids;
}

async function writeBatch(
  deps: Pick<ServiceDeps, "db" | "governance" | "votes">,
  conn: SqlConnection,
  batch: PreparedVote[],
  members: Map<string, string>,
  now: Date,
): Promise<(Written | UserError)[]> {
  const outcomes: (Written | UserError | undefined)[] = new Array(batch.length);
  const ids = [...new Set(batch.map((v) => v.proposal.id))];
  const locked = await conn.query<{ id: number }>(
    `UPDATE "Proposal" SET "updatedAt" = $1::timestamptz AT TIME ZONE 'UTC' WHERE "id" = ANY($2::int[]) AND "status" = 'open' RETURNING "id"`,
    [now.toISOString(), ids],
  );
  const open = new Set(locked.map((r) => r.id));
  // endsAt cannot change once open (database trigger): a vote counts only if written before it.
  const live = batch.flatMap((v, i) => {
    if (open.has(v.proposal.id) && (v.proposal.endsAt as Date) > v.now()) return [{ v, i }];
    outcomes[i] = closedError(v.proposal);
    return [];
  });
  for (const id of ids.filter((id) => !open.has(id))) {
    deps.votes.openProposals.delete(id);
    const current = await deps.db.proposal.findUniqueOrThrow({ where: { id } });
    for (const [i, v] of batch.entries()) if (v.proposal.id === id) outcomes[i] = closedError(current);
  }
  const memberOf = (v: PreparedVote) => members.get(`${v.voter.guildId}:${v.voter.discordId}`) as string;
  const previous =
    live.length === 0
      ? []
      : await conn.query<{ proposalId: number; memberId: string; choice: unknown }>(
          `SELECT v."proposalId", v."memberId", v."choice" FROM "Vote" v
           JOIN unnest($1::int[], $2::text[]) AS k(p, m) ON v."proposalId" = k.p AND v."memberId" = k.m`,
          [live.map(({ v }) => v.proposal.id), live.map(({ v }) => memberOf(v))],
        );
  const before = new Map(previous.map((p) => [`${p.proposalId}:${p.memberId}`, p]));
  const audits: AuditInput[] = [];
  const rows = new Map<string, PreparedVote>();
  for (const { v, i } of live) {
    const key = `${v.proposal.id}:${memberOf(v)}`;
    const prior = before.get(key) ?? null;
    if (prior && canonicalJson(prior.choice) === canonicalJson(v.choice)) {
      // The same vote again (a double click): nothing to change, nothing to audit.
      outcomes[i] = {
        vote: { weight: v.weight, conflicted: v.conflicted },
        previous: prior,
        proposal: v.proposal,
        unchanged: true,
      };
      continue;
    }
    // Two votes of one member in one batch: the later one replaces the earlier, as it would one by one.
    rows.set(key, v);
    before.set(key, { proposalId: v.proposal.id, memberId: memberOf(v), choice: v.choice });
    audits.push({
      guildId: v.voter.guildId,
      actorId: v.voter.discordId,
      action: prior ? "vote.changed" : "vote.cast",
      subjectType: "proposal",
      subjectId: String(v.proposal.id),
      payload: {
        choice: v.choice,
        weight: v.weight,
        conflicted: v.conflicted,
        ...(prior ? { previousChoice: prior.choice } : {}),
      },
      createdAt: now,
    });
    outcomes[i] = { vote: { weight: v.weight, conflicted: v.conflicted }, previous: prior, proposal: v.proposal };
  }
  if (rows.size > 0) {
    // One statement for the whole batch; the unique (proposalId, memberId) keeps one vote per member.
    const votes = [...rows.values()];
    await conn.query(
      `INSERT INTO "Vote" ("proposalId", "memberId", "discordId", "choice", "weight", "conflicted", "createdAt", "updatedAt")
       SELECT p, m, d, c::jsonb, w, x, $7::timestamptz AT TIME ZONE 'UTC', $7::timestamptz AT TIME ZONE 'UTC'
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::bool[]) AS t(p, m, d, c, w, x)
       ON CONFLICT ("proposalId", "memberId") DO UPDATE SET
         "choice" = EXCLUDED."choice", "weight" = EXCLUDED."weight", "conflicted" = EXCLUDED."conflicted",
         "updatedAt" = EXCLUDED."updatedAt"`,
      [
        votes.map((v) => v.proposal.id),
        votes.map(memberOf),
        votes.map((v) => v.voter.discordId),
        votes.map((v) => JSON.stringify(v.choice)),
        votes.map((v) => v.weight),
        votes.map((v) => v.conflicted),
        now.toISOString(),
      ],
    );
  }
  // The live tallies on the proposals' messages: one edit per proposal, a moment later, however many votes came.
  const changed = new Map([...rows.values()].map((v) => [v.proposal.id, v.proposal.guildId]));
  await enqueuePostsOn(
    conn,
    now,
    [...changed].map(([subjectId, guildId]) => ({
      guildId,
      kind: "proposal" as const,
      subjectId,
      delayMs: deps.governance.tallyEditDelayMs,
    })),
  );
  // The audit events last: the chain's lock is held from here to the commit.
  await appendAuditEventsSql(conn, audits);
  return outcomes as (Written | UserError)[];
}

/**
 * Records a member's vote, replacing their previous one (the last vote counts). Refused once the vote has ended,
 * for ineligible members and for members without voting power. The voter's weight is taken now, with the
 * proposal's snapshot block for token balances; a voter whose wallet is paid by the proposal is marked conflicted.
 */
export async function castVote(
  deps: Pick<ServiceDeps, "db" | "governance" | "metrics" | "now" | "votes">,
  voter: Voter,
  proposalId: number,
  choice: Choice,
) {
  try {
    const vote = await prepareVote(deps, voter, proposalId, choice);
    const cast = await enqueue(deps.votes.queue, vote, (batch) => writeVotes(deps, batch));
    deps.metrics.vote("accepted");
    return cast;
  } catch (error) {
    deps.metrics.vote("refused");
    throw error;
  }
}
