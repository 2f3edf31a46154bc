import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { contributionIdOption } from "./options.ts";

export const appealCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "appeal",
  description: "Appeal the evaluation of your contribution (once, within the appeal window)",
  description_localizations: localized({
    "zh-CN": "对你的贡献评估提出申诉（仅一次，须在申诉期内）",
    "es-ES": "Recurre la evaluación de tu contribución (una sola vez, dentro del plazo de recurso)",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    contributionIdOption,
    {
      type: ApplicationCommandOptionType.String,
      name: "reason",
      description: "What the evaluation got wrong",
      description_localizations: localized({
        "zh-CN": "评估哪里有误",
        "es-ES": "En qué se equivocó la evaluación",
      }),
      required: true,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
