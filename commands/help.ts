import {
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const helpCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "help",
  description: "List the Steward commands you can use",
  description_localizations: localized({
    "zh-CN": "列出你可以使用的Steward命令",
    "es-ES": "Lista los comandos de Steward que puedes usar",
  }),
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
