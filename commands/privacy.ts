import {
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

const onOff: APIApplicationCommandStringOption = {
  type: ApplicationCommandOptionType.String,
  name: "value",
  description: "on: shown on the public transparency page and traces; off: hidden (the default)",
  required: true,
  choices: [
    { name: "on", value: "on" },
    { name: "off", value: "off" },
  ],
};

export const privacyCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "privacy",
  description: "What the public transparency page shows about you (by default: a pseudonym, a shortened wallet)",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "What the public page shows about you now",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show-name",
      description: "Show your Discord user name publicly instead of a pseudonym",
      options: [onOff],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show-wallet",
      description: "Show your wallet address in full publicly instead of shortened",
      options: [onOff],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
