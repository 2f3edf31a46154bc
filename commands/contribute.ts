import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized, type Translations } from "./localized.ts";
import { scopeChoices } from "./options.ts";

export const CONTRIBUTION_CATEGORY_CHOICES = [
  "code",
  "docs",
  "design",
  "research",
  "community",
  "ops",
  "other",
] as const;
export const CONTRIBUTION_STATUS_CHOICES = ["submitted", "evaluating", "evaluated", "final", "withdrawn"] as const;

/** Each category as a member reads it in the choice list; the value Steward receives stays the English word. */
const CATEGORY_NAMES: Record<(typeof CONTRIBUTION_CATEGORY_CHOICES)[number], Translations> = {
  code: { "zh-CN": "代码", "es-ES": "código" },
  docs: { "zh-CN": "文档", "es-ES": "documentación" },
  design: { "zh-CN": "设计", "es-ES": "diseño" },
  research: { "zh-CN": "研究", "es-ES": "investigación" },
  community: { "zh-CN": "社区", "es-ES": "comunidad" },
  ops: { "zh-CN": "运维", "es-ES": "operaciones" },
  other: { "zh-CN": "其他", "es-ES": "otra" },
};

/** The categories as a command option's choices, named in every language. */
export const categoryChoices = () =>
  CONTRIBUTION_CATEGORY_CHOICES.map((c) => ({ name: c, name_localizations: localized(CATEGORY_NAMES[c]), value: c }));

const STATUS_NAMES: Record<(typeof CONTRIBUTION_STATUS_CHOICES)[number], Translations> = {
  submitted: { "zh-CN": "已提交", "es-ES": "enviada" },
  evaluating: { "zh-CN": "评估中", "es-ES": "en evaluación" },
  evaluated: { "zh-CN": "已评估", "es-ES": "evaluada" },
  final: { "zh-CN": "已定稿", "es-ES": "definitiva" },
  withdrawn: { "zh-CN": "已撤回", "es-ES": "retirada" },
};

// Lengths and ranges are checked by Steward itself, not declared here, so that every mistake gets the same clear
// private answer whichever client sent it.
const link = (n: number) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: `link${n}`,
    description: `Link ${n} to the work (http or https)`,
    description_localizations: localized({
      "zh-CN": `作品链接${n}（http或https）`,
      "es-ES": `Enlace ${n} al trabajo (http o https)`,
    }),
    required: false,
  }) as const;

const contributionIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "id",
  description: "Contribution id (the number after #)",
  description_localizations: localized({
    "zh-CN": "贡献编号（#后面的数字）",
    "es-ES": "ID de la contribución (el número tras #)",
  }),
  required: true,
} as const;

export const contributeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "contribute",
  description: "Submit and manage your contributions to the DAO",
  description_localizations: localized({
    "zh-CN": "提交并管理你对DAO的贡献",
    "es-ES": "Envía y gestiona tus contribuciones a la DAO",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "submit",
      description: "Submit a contribution for evaluation and reward",
      description_localizations: localized({
        "zh-CN": "提交一项贡献，供评估并获得奖励",
        "es-ES": "Envía una contribución para que se evalúe y se recompense",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "title",
          description: "A short title (up to 120 characters)",
          description_localizations: localized({
            "zh-CN": "简短标题（最多120个字符）",
            "es-ES": "Un título corto (hasta 120 caracteres)",
          }),
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "category",
          description: "What kind of work it is",
          description_localizations: localized({ "zh-CN": "工作类型", "es-ES": "Qué tipo de trabajo es" }),
          required: true,
          choices: categoryChoices(),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "description",
          description: "What you did and why it matters, in one line; leave it out to write several lines in a form",
          description_localizations: localized({
            "zh-CN": "你做了什么、为什么重要，写成一行；不填则可在表单中写多行",
            "es-ES":
              "Qué hiciste y por qué importa, en una línea; omítelo para escribir varias líneas en un formulario",
          }),
          required: false,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "links",
          description: "Up to 5 links (http or https), separated by spaces",
          description_localizations: localized({
            "zh-CN": "最多5个链接（http或https），用空格分隔",
            "es-ES": "Hasta 5 enlaces (http o https), separados por espacios",
          }),
          required: false,
        },
        link(1),
        link(2),
        link(3),
        link(4),
        link(5),
        {
          type: ApplicationCommandOptionType.Number,
          name: "hours",
          description: "Hours you spent, if you tracked them (up to 1000)",
          description_localizations: localized({
            "zh-CN": "你花费的小时数，如有记录（最多1000）",
            "es-ES": "Horas que dedicaste, si las registraste (hasta 1000)",
          }),
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      description: "List contributions",
      description_localizations: localized({ "zh-CN": "列出贡献", "es-ES": "Lista las contribuciones" }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "scope",
          description: "Yours only (default) or everyone's",
          description_localizations: localized({
            "zh-CN": "仅你的（默认）或所有人的",
            "es-ES": "Solo las tuyas (por defecto) o las de todos",
          }),
          required: false,
          choices: scopeChoices({ "zh-CN": "我的", "es-ES": "mías" }, { "zh-CN": "全部", "es-ES": "todas" }),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "status",
          description: "Only contributions in this status",
          description_localizations: localized({
            "zh-CN": "仅显示处于此状态的贡献",
            "es-ES": "Solo las contribuciones en este estado",
          }),
          required: false,
          choices: CONTRIBUTION_STATUS_CHOICES.map((s) => ({
            name: s,
            name_localizations: localized(STATUS_NAMES[s]),
            value: s,
          })),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show one contribution",
      description_localizations: localized({ "zh-CN": "显示一项贡献", "es-ES": "Muestra una contribución" }),
      options: [contributionIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "withdraw",
      description: "Withdraw one of your contributions before its evaluation is final",
      description_localizations: localized({
        "zh-CN": "在评估定稿前撤回你的一项贡献",
        "es-ES": "Retira una de tus contribuciones antes de que su evaluación sea definitiva",
      }),
      options: [contributionIdOption],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
