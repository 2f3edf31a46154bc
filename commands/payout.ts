import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

const proposalId = {
  type: ApplicationCommandOptionType.Integer,
  name: "proposal",
  description: "Proposal id (the number after #)",
  required: true,
} as const;

export const payoutCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "payout",
  description: "Moderators: approve or reject passed payouts",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "approve",
      description: "Moderators: approve a passed payout proposal",
      options: [proposalId],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reject",
      description: "Moderators: reject (veto) a passed payout proposal",
      options: [
        proposalId,
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why (shown to members)",
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
