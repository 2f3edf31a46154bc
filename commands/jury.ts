import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const juryCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "jury",
  description: "The blind jury that checks the evaluator's scores",
  description_localizations: localized({
    "zh-CN": "核查评估器评分的盲审评审团",
    "es-ES": "El jurado ciego que revisa las puntuaciones del evaluador",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "next",
      description: "Jurors: score your next sampled contribution, without its author or the model's scores",
      description_localizations: localized({
        "zh-CN": "评审员：为你下一项抽中的贡献打分，不显示作者和模型的评分",
        "es-ES": "Jurados: puntúa tu siguiente contribución de la muestra, sin su autor ni la nota del modelo",
      }),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
