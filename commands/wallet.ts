import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const walletCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "wallet",
  description: "Link the wallet your rewards are paid to",
  description_localizations: localized({
    "zh-CN": "关联接收奖励的钱包",
    "es-ES": "Vincula la cartera a la que se pagan tus recompensas",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "link",
      description: "Start linking an address: you get a message to sign",
      description_localizations: localized({
        "zh-CN": "开始关联地址：你会收到一条待签名的消息",
        "es-ES": "Empieza a vincular una dirección: recibirás un mensaje para firmar",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "address",
          description: "Your Ethereum address (0x…)",
          description_localizations: localized({
            "zh-CN": "你的以太坊地址（0x…）",
            "es-ES": "Tu dirección de Ethereum (0x…)",
          }),
          required: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "verify",
      description: "Finish linking: paste the signature of the message",
      description_localizations: localized({
        "zh-CN": "完成关联：粘贴该消息的签名",
        "es-ES": "Termina de vincular: pega la firma del mensaje",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "signature",
          description: "The signature (0x…); leave it out for a form that also takes the message you signed",
          description_localizations: localized({
            "zh-CN": "签名（0x…）；不填则打开表单，可同时填写你签名的消息",
            "es-ES": "La firma (0x…); si la omites, se abre un formulario que también recoge el mensaje firmado",
          }),
          required: false,
          max_length: 6000,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show your linked wallet",
      description_localizations: localized({ "zh-CN": "显示你已关联的钱包", "es-ES": "Muestra tu cartera vinculada" }),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
