import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const evaluationCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "evaluation",
  description: "See how contributions were evaluated",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show the active evaluation of a contribution",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "contribution",
          description: "Contribution id (the number after #)",
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
