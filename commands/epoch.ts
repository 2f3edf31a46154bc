import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const epochCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "epoch",
  description: "The current reward epoch",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "Budget and where this epoch's contributions stand",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "close",
      description: "Moderators: close the epoch now and draft its reward distribution",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
