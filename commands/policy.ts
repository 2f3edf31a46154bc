import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const policyCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "policy",
  description: "The evaluation policy (rubric weights, caps, model, prompt) and votes to change it",
  description_localizations: localized({
    "zh-CN": "评估政策（评分标准权重、上限、模型、提示词）及修改它的投票",
    "es-ES": "La política de evaluación (pesos de la rúbrica, topes, modelo, prompt) y votaciones para cambiarla",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "The active policy, candidates in vote, and each version's agreement with the jury",
      description_localizations: localized({
        "zh-CN": "当前政策、投票中的候选版本，以及各版本与评审团的一致程度",
        "es-ES": "La política vigente, las candidatas en votación y el acuerdo de cada versión con el jurado",
      }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "propose",
      description: "Propose a new policy for the members' vote; it shows how it agrees with the jury",
      description_localizations: localized({
        "zh-CN": "提出新政策供成员投票；会显示它与评审团的一致程度",
        "es-ES": "Propón una nueva política para que voten los miembros; muestra su acuerdo con el jurado",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "weights",
          description: "Every criterion's weight, summing to 1, e.g. impact=0.4,quality=0.2,effort=0.2,alignment=0.2",
          // The criterion names are what Steward reads: they stay in English.
          description_localizations: localized({
            "zh-CN": "各项标准的权重，总和为1，如impact=0.4,quality=0.2,effort=0.2,alignment=0.2",
            "es-ES": "Peso de cada criterio, con suma 1, p. ej., impact=0.4,quality=0.2,effort=0.2,alignment=0.2",
          }),
          required: false,
          max_length: 200,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "cap",
          description: "Most a contribution can earn, in tokens, e.g. 50",
          description_localizations: localized({
            "zh-CN": "单项贡献最多可得的代币数，如50",
            "es-ES": "Lo máximo que puede ganar una contribución, en tokens, p. ej., 50",
          }),
          required: false,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "model",
          description: "The LLM evaluator's model, e.g. gpt-4o-mini",
          description_localizations: localized({
            "zh-CN": "LLM评估器使用的模型，如gpt-4o-mini",
            "es-ES": "El modelo del evaluador LLM, p. ej., gpt-4o-mini",
          }),
          required: false,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "prompt_version",
          description: "The evaluation prompt's version, e.g. evaluate-contribution@3",
          description_localizations: localized({
            "zh-CN": "评估提示词的版本，如evaluate-contribution@3",
            "es-ES": "La versión del prompt de evaluación, p. ej., evaluate-contribution@3",
          }),
          required: false,
          max_length: 60,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why: shown as the proposal's motivation",
          description_localizations: localized({
            "zh-CN": "原因：作为提案的动机展示",
            "es-ES": "Por qué: se muestra como motivación de la propuesta",
          }),
          required: false,
          max_length: 1000,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
