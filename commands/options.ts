import { ApplicationCommandOptionType } from "discord-api-types/v10";

/** The proposal id option shared by /proposal and /payout. */
export const proposalIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "proposal",
  description: "Proposal id (the number after #)",
  required: true,
} as const;

/** The contribution id option shared by /evaluation and /appeal. */
export const contributionIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "contribution",
  description: "Contribution id (the number after #)",
  required: true,
} as const;
