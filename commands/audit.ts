import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const auditCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "audit",
  description: "Check how tokens were decided: from a payout to its vote, approvals and evaluations",
  description_localizations: localized({
    "zh-CN": "查看代币是如何决定的：从一笔支付追溯到它的投票、审批和评估",
    "es-ES": "Comprueba cómo se decidieron los tokens: de un pago a su votación, aprobaciones y evaluaciones",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "trace",
      description: "The whole path of a payout: transaction, batch, vote, approvals, evaluations, contributions",
      description_localizations: localized({
        "zh-CN": "一笔支付的完整路径：交易、批次、投票、审批、评估、贡献",
        "es-ES": "El camino de un pago: transacción, lote, votación, aprobaciones, evaluaciones, contribuciones",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "id",
          description: "A transaction hash (0x…), or proposal 12, contribution 12, node 12",
          // What the member types stays in English: Steward reads `proposal 12`, not a translation of it.
          description_localizations: localized({
            "zh-CN": "交易哈希（0x…），或proposal 12、contribution 12、node 12",
            "es-ES": "Un hash de transacción (0x…), o proposal 12, contribution 12, node 12",
          }),
          required: true,
          max_length: 80,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
