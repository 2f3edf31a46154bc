/** Snapshot's voting types as Steward stores them; people write them Snapshot's way (`ranked-choice`). */
export const VOTING_TYPES = ["basic", "single_choice", "approval", "weighted", "quadratic", "ranked_choice"] as const;
export type VotingType = (typeof VOTING_TYPES)[number];

/** The one spelling people use everywhere (settings, commands, docs): Snapshot's, with hyphens. */
export const votingTypeName = (t: VotingType) => t.replace("_", "-");
export const VOTING_TYPE_NAMES = VOTING_TYPES.map(votingTypeName);

export function parseVotingTypeName(name: string): VotingType | undefined {
  return VOTING_TYPES.find((t) => votingTypeName(t) === name);
}
