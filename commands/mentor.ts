import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { contributionIdOption } from "./options.ts";

const newcomerOption = {
  type: ApplicationCommandOptionType.User,
  name: "newcomer",
  description: "The newcomer",
  description_localizations: localized({ "zh-CN": "新成员", "es-ES": "El recién llegado" }),
} as const;

export const mentorCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "mentor",
  description: "Mentors who guide newcomers' first contributions",
  description_localizations: localized({
    "zh-CN": "指导新成员完成最初几项贡献的导师",
    "es-ES": "Mentores que guían las primeras contribuciones de los recién llegados",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "request",
      description: "Newcomers: ask for a mentor to read your first contributions",
      description_localizations: localized({
        "zh-CN": "新成员：申请一位导师阅读你的前几项贡献",
        "es-ES": "Recién llegados: pide un mentor que lea tus primeras contribuciones",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "note",
          description: "What you would like help with (optional)",
          description_localizations: localized({
            "zh-CN": "你希望得到哪方面的帮助（可选）",
            "es-ES": "En qué te gustaría recibir ayuda (opcional)",
          }),
          max_length: 500,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "accept",
      description: "Mentors: take a newcomer who asked for a mentor",
      description_localizations: localized({
        "zh-CN": "导师：接受一位申请导师的新成员",
        "es-ES": "Mentores: acepta a un recién llegado que ha pedido mentor",
      }),
      options: [{ ...newcomerOption, required: true }],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "review",
      description: "Mentors: leave a note on your newcomer's contribution before it is evaluated",
      description_localizations: localized({
        "zh-CN": "导师：在评估前给你指导的新成员的贡献留下点评",
        "es-ES": "Mentores: deja una nota en la contribución de tu recién llegado antes de la evaluación",
      }),
      options: [
        contributionIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "comment",
          description: "Your note, shown with the evaluation (not a score)",
          description_localizations: localized({
            "zh-CN": "你的点评，会和评估一起显示（不计分）",
            "es-ES": "Tu nota, que se muestra con la evaluación (no puntúa)",
          }),
          required: true,
          max_length: 1000,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "end",
      description: "End your mentorship (mentors and moderators: name the newcomer)",
      description_localizations: localized({
        "zh-CN": "结束导师关系（导师和版主：请指定新成员）",
        "es-ES": "Termina tu mentoría (mentores y moderadores: indica el recién llegado)",
      }),
      options: [newcomerOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      description: "Newcomers waiting for a mentor, and your own mentorship",
      description_localizations: localized({
        "zh-CN": "等待导师的新成员，以及你自己的导师关系",
        "es-ES": "Recién llegados que esperan mentor, y tu propia mentoría",
      }),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
