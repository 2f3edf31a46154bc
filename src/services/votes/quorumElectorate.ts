import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import type { ActiveWindow, GuildMemberProfile, QuorumOf } from "./governanceSettings.ts";
import { ElectorateUnavailableError } from "./offlineElectorate.ts";
import { ineligibility, voterWeight } from "./voterWeight.ts";

/** Who may vote and who the quorum is counted over, as measured at one moment (when a vote opens). */
export interface QuorumElectorate {
  /** Everyone who may vote, and their weight. */
  eligibleVoters: number;
  eligibleWeight: number;
  quorumOf: QuorumOf;
  /** The members the quorum is counted over (the active ones, the voter role's holders, or every eligible member). */
  members: number;
  weight: number;
  /** active: taking part from this moment on counts; null when the window reaches back before the first record. */
  activeSince: Date | null;
  /** active: the Discord ids of the members who count, sorted (kept with the proposal for audit). */
  activeIds: string[];
  /** The weight the tally must reach. */
  quorumWeight: number;
  /** The active members and their weight, whatever QUORUM_OF says (null unless asked for, or QUORUM_OF=active). */
  active: { members: number; weight: number } | null;
}

/** The quorum as configured ("25" or "10%") over a base weight. */
export function quorumWeightOf(spec: string, baseWeight: number): number {
  return spec.endsWith("%") ? (baseWeight * Number.parseFloat(spec)) / 100 : Number.parseFloat(spec);
}

/** The votes a one-member-one-vote tally needs to reach a quorum weight (a weight of 2.1 takes 3 votes). */
export function votesNeeded(quorumWeight: number): number {
  return Math.max(1, Math.ceil(quorumWeight - 1e-9));
}

/**
 * The start of the active window: with N epochs, the close of the epoch before the last N closed ones, so the last
 * N whole epochs and the open one count (epochs start when first used, their closes are exact); null while fewer
 * epochs have closed: everything so far counts.
 */
export async function activeWindowStart(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  window: ActiveWindow,
  now: Date,
): Promise<Date | null> {
  if ("ms" in window) return new Date(now.getTime() - window.ms);
  const before = await deps.db.epoch.findFirst({
    where: { guildId, status: "closed", closedAt: { not: null } },
    orderBy: { number: "desc" },
    skip: window.epochs,
    select: { closedAt: true },
  });
  return before?.closedAt ?? null;
}

/** Discord ids of the members who contributed, proposed or voted in the guild since `since` (all time when null). */
export async function takingPartSince(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  since: Date | null,
): Promise<Set<string>> {
  const after = since ? { gte: since } : undefined;
  const [contributors, voters, authors] = await Promise.all([
    deps.db.member.findMany({
      where: { guildId, contributions: { some: { guildId, ...(after ? { createdAt: after } : {}) } } },
      select: { discordId: true },
    }),
    deps.db.vote.findMany({
      where: { proposal: { guildId }, ...(after ? { updatedAt: after } : {}) },
      select: { discordId: true },
      distinct: ["discordId"],
    }),
    deps.db.proposal.findMany({
      // A distribution's author is whoever closed the epoch: that is not taking part as a member.
      where: { guildId, kind: { not: "distribution" }, ...(after ? { createdAt: after } : {}) },
      select: { authorDiscordId: true },
      distinct: ["authorDiscordId"],
    }),
  ]);
  return new Set([
    ...contributors.map((m) => m.discordId),
    ...voters.map((v) => v.discordId),
    ...authors.map((p) => p.authorDiscordId),
  ]);
}

/** The guild's members, or the reason they cannot be read as a UserError. */
export async function readMembers(
  deps: Pick<ServiceDeps, "governance">,
  guildId: string,
): Promise<GuildMemberProfile[]> {
  try {
    return await deps.governance.electorate.members(guildId);
  } catch (error) {
    if (error instanceof ElectorateUnavailableError)
      throw new UserError("electorate_unavailable", { reason: error.reason });
    throw error;
  }
}

/**
 * Counts the electorate now: who may vote (not a bot, VOTER_ROLES, VOTER_MIN_MEMBERSHIP) with their weights, and
 * the part of it QUORUM_OF counts the quorum over. Active members took part (contributed, proposed or voted)
 * within ACTIVE_WINDOW, or hold a voter role when VOTER_ROLES is set; newcomers may still vote, and their votes
 * count toward the quorum like anyone's.
 */
export async function measureElectorate(
  deps: Pick<ServiceDeps, "db" | "governance">,
  guildId: string,
  now: Date,
  snapshotBlock: number | null,
  options: { active?: boolean } = {},
): Promise<QuorumElectorate> {
  const g = deps.governance;
  const members = await readMembers(deps, guildId);
  const eligible = members.filter((m) => ineligibility(deps, m, now) === null);
  const wallets = await deps.db.wallet.findMany({
    where: { activeFor: { not: null }, member: { guildId, discordId: { in: eligible.map((m) => m.discordId) } } },
    include: { member: true },
  });
  const walletOf = new Map(wallets.map((w) => [w.member.discordId, w.address]));
  const weights = await Promise.all(
    eligible.map((m) => voterWeight(deps, m, walletOf.get(m.discordId) ?? null, snapshotBlock)),
  );
  const eligibleWeight = weights.reduce((a, b) => a + b, 0);
  const eligibleVoters = weights.filter((w) => w > 0).length;

  const all = eligible.map((m, i) => ({ id: m.discordId, weight: weights[i] ?? 0 }));
  const sum = (list: typeof all) => list.reduce((a, m) => a + m.weight, 0);
  let active: typeof all | null = null;
  let activeSince: Date | null = null;
  if (g.quorumOf === "active" || options.active) {
    activeSince = await activeWindowStart(deps, guildId, g.activeWindow, now);
    // Every eligible member holds a voter role when VOTER_ROLES is set: they all count as active.
    if (g.voterRoles.length === 0) {
      const taking = await takingPartSince(deps, guildId, activeSince);
      active = all.filter((m) => taking.has(m.id));
    } else active = all;
  }
  const counted = g.quorumOf === "active" && active ? active : all;
  const weight = sum(counted);
  return {
    eligibleVoters,
    eligibleWeight,
    quorumOf: g.quorumOf,
    members: counted.length,
    weight,
    activeSince: g.quorumOf === "active" ? activeSince : null,
    activeIds: g.quorumOf === "active" ? counted.map((m) => m.id).sort() : [],
    quorumWeight: quorumWeightOf(g.quorum, weight),
    active: active ? { members: active.length, weight: sum(active) } : null,
  };
}
