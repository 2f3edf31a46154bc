import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { contributionIdOption } from "./options.ts";

export const evaluationCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "evaluation",
  description: "See how contributions were evaluated",
  description_localizations: localized({
    "zh-CN": "查看贡献是如何被评估的",
    "es-ES": "Consulta cómo se evaluaron las contribuciones",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show the active evaluation of a contribution",
      description_localizations: localized({
        "zh-CN": "显示某项贡献当前有效的评估",
        "es-ES": "Muestra la evaluación vigente de una contribución",
      }),
      options: [contributionIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "usage",
      description: "Moderators: evaluations, tokens and cost over a period",
      description_localizations: localized({
        "zh-CN": "版主：一段时间内的评估次数、模型token用量和费用",
        "es-ES": "Moderadores: evaluaciones, tokens del modelo y coste en un periodo",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "days",
          description: "How many days back (default: the current epoch)",
          description_localizations: localized({
            "zh-CN": "往前查看的天数（默认：当前纪元）",
            "es-ES": "Cuántos días atrás (por defecto: la época actual)",
          }),
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "resolve-appeal",
      description: "Moderators: accept or reject an appeal (as its post's buttons do, also when it has no post)",
      description_localizations: localized({
        "zh-CN": "版主：接受或驳回申诉（与申诉帖子上的按钮作用相同，没有帖子时也可用）",
        "es-ES": "Moderadores: acepta o rechaza un recurso (como los botones de su publicación, aunque no la tenga)",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "appeal",
          description: "Appeal id (the number after Appeal #)",
          description_localizations: localized({
            "zh-CN": "申诉编号（申诉标题中#后面的数字）",
            "es-ES": "ID del recurso (el número tras # en su título)",
          }),
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "decision",
          description: "accept: the second pass counts; reject: the first evaluation stands",
          description_localizations: localized({
            "zh-CN": "接受：以第二次评估为准；驳回：维持第一次评估",
            "es-ES": "aceptar: cuenta la segunda evaluación; rechazar: se mantiene la primera",
          }),
          required: true,
          choices: [
            { name: "accept", name_localizations: localized({ "zh-CN": "接受", "es-ES": "aceptar" }), value: "accept" },
            {
              name: "reject",
              name_localizations: localized({ "zh-CN": "驳回", "es-ES": "rechazar" }),
              value: "reject",
            },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "clear",
      description: "Moderators: let a flagged evaluation pay as evaluated (it pays nothing until cleared)",
      description_localizations: localized({
        "zh-CN": "版主：让被标记的评估按评估结果支付（解除标记前不支付任何款项）",
        "es-ES": "Moderadores: deja que una evaluación marcada pague lo evaluado (no paga nada hasta liberarla)",
      }),
      options: [
        contributionIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "What you checked: recorded and audited",
          description_localizations: localized({
            "zh-CN": "你核查了什么：会被记录并审计",
            "es-ES": "Qué comprobaste: queda registrado y auditado",
          }),
          required: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "override",
      description: "Moderators: replace a contribution's evaluation (the original is kept and audited)",
      description_localizations: localized({
        "zh-CN": "版主：替换某项贡献的评估（原评估会保留并审计）",
        "es-ES": "Moderadores: sustituye la evaluación de una contribución (la original se conserva y audita)",
      }),
      options: [
        contributionIdOption,
        {
          type: ApplicationCommandOptionType.Integer,
          name: "score",
          description: "Total score, 0-100",
          description_localizations: localized({ "zh-CN": "总分，0-100", "es-ES": "Puntuación total, de 0 a 100" }),
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "reward",
          description: "Reward in tokens, e.g. 12.5",
          description_localizations: localized({
            "zh-CN": "奖励代币数，如12.5",
            "es-ES": "Recompensa en tokens, p. ej., 12.5",
          }),
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why: recorded and shown to the contributor",
          description_localizations: localized({
            "zh-CN": "原因：会被记录并展示给贡献者",
            "es-ES": "Por qué: queda registrado y se muestra a quien contribuyó",
          }),
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
