import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const auditCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "audit",
  description: "Check how tokens were decided: from a payout to its vote, approvals and evaluations",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "trace",
      description: "The whole path of a payout: transaction, batch, vote, approvals, evaluations, contributions",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "id",
          description: "A transaction hash (0x…), or proposal 12, contribution 12, node 12",
          required: true,
          max_length: 80,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
