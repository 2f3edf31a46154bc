import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const juryCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "jury",
  description: "The blind jury that checks the evaluator's scores",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "next",
      description: "Jurors: score your next sampled contribution, without its author or the model's scores",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
