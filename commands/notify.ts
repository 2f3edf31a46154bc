import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { onOffChoices } from "./options.ts";

export const notifyCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "notify",
  description: "Your reminders by DM before a vote closes while you have not voted (without a value: your setting)",
  description_localizations: localized({
    "zh-CN": "投票截止前你若还没投票，用私信提醒你（不填值：查看你的设置）",
    "es-ES": "Avisos por MD antes de que cierre una votación si no has votado (sin valor: tu ajuste)",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "votes",
      description: "on: a DM before a vote closes if you have not voted yet; off: none (the default)",
      description_localizations: localized({
        "zh-CN": "开启：投票截止前你若还没投票，发私信提醒；关闭：不提醒（默认）",
        "es-ES": "activado: un MD antes de que cierre una votación si no has votado; desactivado: nada (por defecto)",
      }),
      required: false,
      choices: onOffChoices,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
