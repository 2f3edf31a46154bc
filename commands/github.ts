import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const githubCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "github",
  description: "Link the GitHub account your code contributions are checked against",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "link",
      description: "Prove you control a GitHub account: you get a code to enter on GitHub",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "login",
          description: "Prove it with a public gist instead: your GitHub login (you get a text to put in a gist)",
          max_length: 39,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: "show", description: "Show your linked GitHub account" },
    { type: ApplicationCommandOptionType.Subcommand, name: "unlink", description: "Remove your linked GitHub account" },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
