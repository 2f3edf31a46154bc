import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized } from "./localized.ts";

export const computeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "compute",
  description: "Ask for compute, see your leases, end one",
  description_localizations: localized({
    "zh-CN": "申请算力、查看你的租约、结束租约",
    "es-ES": "Pide capacidad de cómputo, consulta tus alquileres y termina uno",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "request",
      description: "Ask for GPUs: the best fitting online offers, each with a Choose button",
      description_localizations: localized({
        "zh-CN": "申请GPU：列出最合适的在线报价，每个都带“选择”按钮",
        "es-ES": "Pide GPU: las ofertas en línea que mejor encajan, cada una con un botón Elegir",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "gpu_count",
          description: "How many GPUs",
          description_localizations: localized({ "zh-CN": "GPU数量", "es-ES": "Cuántas GPU" }),
          required: true,
          min_value: 1,
          max_value: 16,
        },
        {
          type: ApplicationCommandOptionType.Number,
          name: "hours",
          description: "For how long, in hours (e.g. 4 or 0.5)",
          // Examples of what the member types keep the decimal point Discord's number option takes.
          description_localizations: localized({
            "zh-CN": "使用时长，以小时计（如4或0.5）",
            "es-ES": "Durante cuánto tiempo, en horas (p. ej., 4 o 0.5)",
          }),
          required: true,
          min_value: 0.01,
          max_value: 720,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "max_price",
          description: "Most you accept per GPU-hour, in tokens (e.g. 3)",
          description_localizations: localized({
            "zh-CN": "你能接受的每GPU小时最高价格，以代币计（如3）",
            "es-ES": "Lo máximo que aceptas por GPU-hora, en tokens (p. ej., 3)",
          }),
          required: true,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "purpose",
          description: "What it is for (shown to the provider)",
          description_localizations: localized({
            "zh-CN": "用途（会展示给提供方）",
            "es-ES": "Para qué es (se muestra al proveedor)",
          }),
          required: true,
          max_length: 300,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "gpu_model",
          description: "GPU model, e.g. H200",
          description_localizations: localized({ "zh-CN": "GPU型号，如H200", "es-ES": "Modelo de GPU, p. ej., H200" }),
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "min_vram_gb",
          description: "At least this much VRAM per GPU (GB)",
          description_localizations: localized({
            "zh-CN": "每块GPU至少需要的显存（GB）",
            "es-ES": "VRAM mínima por GPU (GB)",
          }),
          min_value: 1,
          max_value: 1024,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "Preferred region, e.g. eu-west",
          description_localizations: localized({
            "zh-CN": "首选区域，如eu-west",
            "es-ES": "Región preferida, p. ej., eu-west",
          }),
          max_length: 24,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "leases",
      description: "Your leases, as requester or provider",
      description_localizations: localized({
        "zh-CN": "你的租约（作为申请方或提供方）",
        "es-ES": "Tus alquileres, como solicitante o proveedor",
      }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "end",
      description: "End a lease early (paid pro rata for what was delivered)",
      description_localizations: localized({
        "zh-CN": "提前结束租约（按已交付的部分比例付费）",
        "es-ES": "Termina un alquiler antes de tiempo (se paga a prorrata lo entregado)",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "lease",
          description: "Lease id (the number after #)",
          description_localizations: localized({
            "zh-CN": "租约编号（#后面的数字）",
            "es-ES": "ID del alquiler (el número tras #)",
          }),
          required: true,
          min_value: 1,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
