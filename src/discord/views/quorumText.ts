import { votesNeeded } from "../../services/votes/quorumElectorate.ts";
import { formatWeight } from "./governanceFormat.ts";

/** The voting terms a quorum's words come from, as the proposal stores them when its vote opens. */
export interface QuorumTerms {
  quorumSpec: string | null;
  quorumWeight: number | null;
  eligibleWeight: number | null;
  eligibleVoters: number | null;
  weightStrategy: string | null;
  quorumOf: string | null;
  quorumMembers: number | null;
  quorumBaseWeight: number | null;
  activeSince: Date | null;
}

const count = (n: number) => n.toLocaleString("en-US");

const GROUP: Record<string, string> = {
  active: "active members",
  voters: "members with a voter role",
  members: "members",
};

/**
 * What the quorum means in people: "needs 38 of 380 active members (10%)"; in weight when votes are weighted.
 * Proposals opened before QUORUM_OF existed keep their old words (weight of the whole eligible electorate).
 */
export function quorumText(p: QuorumTerms): string {
  const spec = p.quorumSpec ?? "0";
  const needed = p.quorumWeight ?? 0;
  if (p.quorumOf === null || p.quorumMembers === null) {
    return spec.endsWith("%")
      ? `${formatWeight(needed)} — ${spec} of the ${formatWeight(p.eligibleWeight ?? 0)} eligible weight`
      : `${formatWeight(needed)} of ${formatWeight(p.eligibleWeight ?? 0)} eligible weight`;
  }
  const noun = GROUP[p.quorumOf] ?? "members";
  const group = `${count(p.quorumMembers)} ${p.quorumMembers === 1 ? noun.replace("members", "member") : noun}`;
  const share = spec.endsWith("%") ? ` (${spec})` : "";
  if (p.weightStrategy === "one-member-one-vote") return `needs ${count(votesNeeded(needed))} of ${group}${share}`;
  return `needs weight ${formatWeight(needed)} of the ${formatWeight(p.quorumBaseWeight ?? 0)} held by ${group}${share}`;
}

/** The quorum line of a proposal's post, with who counts as active and how many may vote. */
export function quorumLines(p: QuorumTerms): string[] {
  const lines = [`Quorum: ${quorumText(p)}`];
  if (p.quorumOf === "active") {
    lines.push(
      `Active: contributed, proposed or voted ${p.activeSince ? `since <t:${Math.floor(p.activeSince.getTime() / 1000)}:d>` : "so far"}; all ${count(p.eligibleVoters ?? 0)} eligible members may vote`,
    );
  }
  return lines;
}
