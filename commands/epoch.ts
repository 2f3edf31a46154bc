import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const epochCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "epoch",
  description: "The current reward epoch",
  description_localizations: localized({ "zh-CN": "当前奖励纪元", "es-ES": "La época de recompensas actual" }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "Budget and where this epoch's contributions stand",
      description_localizations: localized({
        "zh-CN": "预算，以及本纪元各项贡献的进展",
        "es-ES": "El presupuesto y cómo van las contribuciones de esta época",
      }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "close",
      description: "Moderators: close the epoch now and draft its reward distribution",
      description_localizations: localized({
        "zh-CN": "版主：立即结束本纪元并起草奖励分配方案",
        "es-ES": "Moderadores: cierra la época ahora y prepara el borrador del reparto de recompensas",
      }),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
