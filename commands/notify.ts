import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const notifyCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "notify",
  description: "Your reminders by DM before a vote closes while you have not voted (without a value: your setting)",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "votes",
      description: "on: a DM before a vote closes if you have not voted yet; off: none (the default)",
      required: false,
      choices: [
        { name: "on", value: "on" },
        { name: "off", value: "off" },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
