import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { proposalIdOption } from "./options.ts";

export const payoutCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "payout",
  description: "Payouts: where a payout is, what you were paid, claims; moderators approve, reject, retry, return",
  description_localizations: localized({
    "zh-CN": "支付：支付进度、你收到的款项、领取；版主可批准、否决、重试、退回",
    "es-ES": "Pagos: estado, lo cobrado y reclamaciones; los moderadores aprueban, rechazan, reintentan, devuelven",
  }),
  contexts: [InteractionContextType.Guild],
  // No default_member_permissions: status and history are for every member; Steward checks the moderator role
  // on approve, reject and retry itself.
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "Where a proposal's payout is: chunks, transactions, confirmations, failures",
      description_localizations: localized({
        "zh-CN": "提案的支付进度：分块、交易、确认、失败",
        "es-ES": "Dónde está el pago de una propuesta: tramos, transacciones, confirmaciones, fallos",
      }),
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "history",
      description: "What you were paid: when, by which proposal and transaction",
      description_localizations: localized({
        "zh-CN": "你收到的款项：时间、所属提案和交易",
        "es-ES": "Lo que cobraste: cuándo, por qué propuesta y en qué transacción",
      }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "claim",
      description: "Claim a payout the distributor held for you (its transfer failed): list, sign, submit",
      description_localizations: localized({
        "zh-CN": "领取分发合约为你暂存的款项（其转账失败）：列出、签名、提交",
        "es-ES": "Reclama un pago que el distribuidor retuvo para ti (falló su transferencia): lista, firma, envía",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "line",
          description: "Held line number (from the list); without it, lists the lines held for you",
          description_localizations: localized({
            "zh-CN": "暂存条目编号（见列表）；不填则列出为你暂存的条目",
            "es-ES": "Número de línea retenida (de la lista); sin él, lista las líneas retenidas para ti",
          }),
          min_value: 1,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "signature",
          description: "The 0x… signature of the claim (signed by the wallet the line was for)",
          description_localizations: localized({
            "zh-CN": "领取的0x…签名（由该条目对应的钱包签署）",
            "es-ES": "La firma 0x… de la reclamación (firmada por la cartera a la que iba la línea)",
          }),
          max_length: 6000,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "return",
      description: "Moderators: send a held line back to the treasury once its claim period is over",
      description_localizations: localized({
        "zh-CN": "版主：领取期结束后，将暂存条目退回金库",
        "es-ES": "Moderadores: devuelve una línea retenida a la tesorería cuando acabe su plazo de reclamación",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "line",
          description: "Held line number (shown in /payout status)",
          description_localizations: localized({
            "zh-CN": "暂存条目编号（见/payout status）",
            "es-ES": "Número de línea retenida (aparece en /payout status)",
          }),
          required: true,
          min_value: 1,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "retry",
      description: "Moderators: pay a failed chunk again once its cause is fixed (still exactly once)",
      description_localizations: localized({
        "zh-CN": "版主：原因修复后重新支付失败的分块（仍然只支付一次）",
        "es-ES": "Moderadores: vuelve a pagar un tramo fallido cuando se corrija la causa (sigue siendo una sola vez)",
      }),
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "approve",
      description: "Moderators: approve a passed payout proposal",
      description_localizations: localized({
        "zh-CN": "版主：批准已通过投票的支付提案",
        "es-ES": "Moderadores: aprueba una propuesta de pago que ha superado la votación",
      }),
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reject",
      description: "Moderators: reject (veto) a passed payout proposal",
      description_localizations: localized({
        "zh-CN": "版主：否决已通过投票的支付提案",
        "es-ES": "Moderadores: rechaza (veta) una propuesta de pago que ha superado la votación",
      }),
      options: [
        proposalIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why (shown to members)",
          description_localizations: localized({
            "zh-CN": "原因（会展示给成员）",
            "es-ES": "Por qué (se muestra a los miembros)",
          }),
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
