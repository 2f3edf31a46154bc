import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { proposalIdOption } from "./options.ts";

export const proposalCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "proposal",
  description: "Governance proposals and their votes",
  description_localizations: localized({
    "zh-CN": "治理提案及其投票",
    "es-ES": "Propuestas de gobernanza y sus votaciones",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "A proposal's status, payout, tally and your vote",
      description_localizations: localized({
        "zh-CN": "提案的状态、支付、计票和你的投票",
        "es-ES": "El estado, el pago y el recuento de una propuesta, y tu voto",
      }),
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "drafts",
      description: "Reopen your /propose drafts that are not submitted yet",
      description_localizations: localized({
        "zh-CN": "重新打开你尚未提交的/propose草稿",
        "es-ES": "Reabre tus borradores de /propose que aún no has enviado",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "draft",
          description: "Draft id (default: your latest)",
          description_localizations: localized({
            "zh-CN": "草稿编号（默认：你最新的草稿）",
            "es-ES": "ID del borrador (por defecto: el más reciente)",
          }),
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "open",
      description: "Moderators: open a draft proposal for votes",
      description_localizations: localized({
        "zh-CN": "版主：将提案草稿开放投票",
        "es-ES": "Moderadores: abre a votación una propuesta en borrador",
      }),
      options: [
        proposalIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "type",
          description: "Voting type (default from the server's settings)",
          description_localizations: localized({
            "zh-CN": "投票类型（默认取服务器设置）",
            "es-ES": "Tipo de votación (por defecto, el de los ajustes del servidor)",
          }),
          required: false,
          choices: [
            {
              name: "basic (For / Against / Abstain)",
              name_localizations: localized({
                "zh-CN": "基本（赞成／反对／弃权）",
                "es-ES": "básica (a favor / en contra / abstención)",
              }),
              value: "basic",
            },
            {
              name: "single-choice",
              name_localizations: localized({ "zh-CN": "单选", "es-ES": "opción única" }),
              value: "single-choice",
            },
            {
              name: "approval",
              name_localizations: localized({ "zh-CN": "认可投票", "es-ES": "aprobación" }),
              value: "approval",
            },
            {
              name: "weighted",
              name_localizations: localized({ "zh-CN": "加权", "es-ES": "ponderada" }),
              value: "weighted",
            },
            {
              name: "quadratic",
              name_localizations: localized({ "zh-CN": "二次方投票", "es-ES": "cuadrática" }),
              value: "quadratic",
            },
            {
              name: "ranked-choice",
              name_localizations: localized({ "zh-CN": "排序投票", "es-ES": "por orden de preferencia" }),
              value: "ranked-choice",
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "choices",
          description: "For types other than basic: choices separated by ; (a payout's choice 1 pays)",
          description_localizations: localized({
            "zh-CN": "“基本”以外的类型：选项之间用;分隔（支付提案中选项1会支付）",
            "es-ES": "Para tipos distintos de básica: opciones separadas por ; (en un pago, paga la opción 1)",
          }),
          required: false,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "period",
          description: "How long the vote stays open, e.g. 48h, 7d, 30m (default from settings)",
          // The units Steward reads (h, d, m) stay as they are.
          description_localizations: localized({
            "zh-CN": "投票开放时长，如48h、7d、30m（默认取设置）",
            "es-ES": "Cuánto tiempo sigue abierta la votación, p. ej., 48h, 7d, 30m (por defecto, según los ajustes)",
          }),
          required: false,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
