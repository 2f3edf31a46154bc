import { ApplicationCommandOptionType } from "discord-api-types/v10";

/** The proposal id option shared by /proposal and /payout. */
export const proposalIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "proposal",
  description: "Proposal id (the number after #)",
  required: true,
} as const;
