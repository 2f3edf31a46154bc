import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const proposeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "propose",
  description: "Turn your idea into a proposal draft you can edit and submit",
  description_localizations: localized({
    "zh-CN": "把你的想法变成可编辑、可提交的提案草稿",
    "es-ES": "Convierte tu idea en un borrador de propuesta que puedes editar y enviar",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "idea",
      description: "Your idea in your own words; include an amount and a 0x address to request funds",
      description_localizations: localized({
        "zh-CN": "用你自己的话描述想法；如需申请资金，请写明金额和0x地址",
        "es-ES": "Tu idea con tus propias palabras; incluye una cantidad y una dirección 0x para pedir fondos",
      }),
      required: true,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
