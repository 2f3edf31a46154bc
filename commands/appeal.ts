import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { contributionIdOption } from "./options.ts";

export const appealCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "appeal",
  description: "Appeal the evaluation of your contribution (once, within the appeal window)",
  contexts: [InteractionContextType.Guild],
  options: [
    contributionIdOption,
    {
      type: ApplicationCommandOptionType.String,
      name: "reason",
      description: "What the evaluation got wrong",
      required: true,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
