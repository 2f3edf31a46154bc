import type { Translator } from "../../i18n/translator.ts";
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

/**
 * What the quorum means in people: "needs 38 of 380 active members (10%)"; in weight when votes are weighted.
 * Proposals opened before QUORUM_OF existed keep their old words (weight of the whole eligible electorate).
 */
export function quorumText(t: Translator, p: QuorumTerms): string {
  const spec = p.quorumSpec ?? "0";
  const needed = formatWeight(p.quorumWeight ?? 0);
  if (p.quorumOf === null || p.quorumMembers === null) {
    const eligible = formatWeight(p.eligibleWeight ?? 0);
    return spec.endsWith("%")
      ? t.t("proposal.quorum.legacyShare", { needed, spec, eligible })
      : t.t("proposal.quorum.legacy", { needed, eligible });
  }
  const group = ["active", "voters"].includes(p.quorumOf) ? p.quorumOf : "members";
  const values = { group, members: p.quorumMembers, spec, share: spec.endsWith("%") };
  if (p.weightStrategy === "one-member-one-vote")
    return t.t("proposal.quorum.votes", { ...values, votes: votesNeeded(p.quorumWeight ?? 0) });
  return t.t("proposal.quorum.weight", { ...values, needed, held: formatWeight(p.quorumBaseWeight ?? 0) });
}

/** The quorum line of a proposal's post, with who counts as active and how many may vote. */
export function quorumLines(t: Translator, p: QuorumTerms): string[] {
  const lines = [t.t("proposal.quorum.line", { quorum: quorumText(t, p) })];
  if (p.quorumOf === "active") {
    const eligible = p.eligibleVoters ?? 0;
    lines.push(
      p.activeSince
        ? t.t("proposal.quorum.activeSince", { since: `<t:${Math.floor(p.activeSince.getTime() / 1000)}:d>`, eligible })
        : t.t("proposal.quorum.activeSoFar", { eligible }),
    );
  }
  return lines;
}
