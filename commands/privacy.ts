import {
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";
import { onOffChoices } from "./options.ts";

const onOff: APIApplicationCommandStringOption = {
  type: ApplicationCommandOptionType.String,
  name: "value",
  description: "on: shown on the public transparency page and traces; off: hidden (the default)",
  description_localizations: localized({
    "zh-CN": "开启：在公开透明页面和追溯中显示；关闭：隐藏（默认）",
    "es-ES": "activado: visible en la página de transparencia y las trazas; desactivado: oculto (por defecto)",
  }),
  required: true,
  choices: onOffChoices,
};

export const privacyCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "privacy",
  description: "What the public transparency page shows about you (by default: a pseudonym, a shortened wallet)",
  description_localizations: localized({
    "zh-CN": "公开透明页面显示你的哪些信息（默认：化名和缩短的钱包地址）",
    "es-ES": "Qué muestra de ti la página de transparencia (por defecto: un seudónimo y la cartera abreviada)",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "What the public page shows about you now",
      description_localizations: localized({
        "zh-CN": "公开页面目前显示你的哪些信息",
        "es-ES": "Qué muestra de ti ahora la página pública",
      }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show-name",
      description: "Show your Discord user name publicly instead of a pseudonym",
      description_localizations: localized({
        "zh-CN": "公开显示你的Discord用户名，而不是化名",
        "es-ES": "Muestra públicamente tu nombre de usuario de Discord en vez de un seudónimo",
      }),
      options: [onOff],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show-wallet",
      description: "Show your wallet address in full publicly instead of shortened",
      description_localizations: localized({
        "zh-CN": "公开显示完整的钱包地址，而不是缩短的地址",
        "es-ES": "Muestra públicamente tu dirección de cartera completa en vez de abreviada",
      }),
      options: [onOff],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
