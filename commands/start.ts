import {
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const startCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "start",
  description: "New here? How Steward works, and your first steps: wallet, first contribution, voting",
  description_localizations: localized({
    "zh-CN": "新来的？了解 Steward 如何运作，以及你的第一步：钱包、第一份贡献、投票",
    "es-ES": "¿Eres nuevo? Cómo funciona Steward y tus primeros pasos: cartera, primera contribución, votar",
  }),
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
