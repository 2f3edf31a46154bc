import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const githubCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "github",
  description: "Link the GitHub account your code contributions are checked against",
  description_localizations: localized({
    "zh-CN": "关联用于核对你代码贡献的GitHub账号",
    "es-ES": "Vincula la cuenta de GitHub con la que se comprueban tus contribuciones de código",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "link",
      description: "Prove you control a GitHub account: you get a code to enter on GitHub",
      description_localizations: localized({
        "zh-CN": "证明你掌控某个GitHub账号：你会收到一个要在GitHub上输入的代码",
        "es-ES": "Demuestra que controlas una cuenta de GitHub: recibirás un código para introducir en GitHub",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "login",
          description: "Prove it with a public gist instead: your GitHub login (you get a text to put in a gist)",
          description_localizations: localized({
            "zh-CN": "改用公开gist证明：填写你的GitHub用户名（你会收到一段要放进gist的文字）",
            "es-ES": "Demuéstralo con un gist público: tu usuario de GitHub (recibirás un texto para el gist)",
          }),
          max_length: 39,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show your linked GitHub account",
      description_localizations: localized({
        "zh-CN": "显示你已关联的GitHub账号",
        "es-ES": "Muestra tu cuenta de GitHub vinculada",
      }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "unlink",
      description: "Remove your linked GitHub account",
      description_localizations: localized({
        "zh-CN": "移除你已关联的GitHub账号",
        "es-ES": "Quita tu cuenta de GitHub vinculada",
      }),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
