import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const proposeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "propose",
  description: "Turn your idea into a proposal draft you can edit and submit",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "idea",
      description: "Your idea in your own words; include an amount and a 0x address to request funds",
      required: true,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
