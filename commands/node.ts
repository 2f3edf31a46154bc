import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { localized, type Translations } from "./localized.ts";
import { scopeChoices } from "./options.ts";

const nodeId = {
  type: ApplicationCommandOptionType.Integer,
  name: "id",
  description: "Node id (the number after #)",
  description_localizations: localized({
    "zh-CN": "节点编号（#后面的数字）",
    "es-ES": "ID del nodo (el número tras #)",
  }),
  required: true,
  min_value: 1,
} as const;

const NODE_STATUS_NAMES: Record<"pending" | "online" | "offline" | "retired", Translations> = {
  pending: { "zh-CN": "待上线", "es-ES": "pendiente" },
  online: { "zh-CN": "在线", "es-ES": "en línea" },
  offline: { "zh-CN": "离线", "es-ES": "desconectado" },
  retired: { "zh-CN": "已停用", "es-ES": "retirado" },
};

export const nodeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "node",
  description: "Compute providers: register, list, show, update and retire nodes",
  description_localizations: localized({
    "zh-CN": "算力提供方：注册、列出、查看、更新和停用节点",
    "es-ES": "Proveedores de cómputo: registra, lista, muestra, actualiza y retira nodos",
  }),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "register",
      description: "Providers: register a machine (run `steward node-agent` on it first to get its key)",
      description_localizations: localized({
        "zh-CN": "提供方：注册一台机器（先在机器上运行`steward node-agent`获取密钥）",
        "es-ES": "Proveedores: registra una máquina (ejecuta antes `steward node-agent` en ella para su clave)",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "name",
          description: "A name for the node",
          description_localizations: localized({ "zh-CN": "节点名称", "es-ES": "Un nombre para el nodo" }),
          required: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "gpu_model",
          description: "GPU model, e.g. H200 (none for a CPU-only node)",
          description_localizations: localized({
            "zh-CN": "GPU型号，如H200（纯CPU节点填none）",
            "es-ES": "Modelo de GPU, p. ej., H200 (none para un nodo solo con CPU)",
          }),
          required: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "gpu_count",
          description: "Number of GPUs (0 without GPUs)",
          description_localizations: localized({
            "zh-CN": "GPU数量（无GPU填0）",
            "es-ES": "Número de GPU (0 si no tiene)",
          }),
          required: true,
          min_value: 0,
          max_value: 16,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "vram_gb",
          description: "VRAM per GPU in GB (0 without GPUs)",
          description_localizations: localized({
            "zh-CN": "每块GPU的显存，单位GB（无GPU填0）",
            "es-ES": "VRAM por GPU en GB (0 si no tiene GPU)",
          }),
          required: true,
          min_value: 0,
          max_value: 1024,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "cpu_cores",
          description: "CPU cores",
          description_localizations: localized({ "zh-CN": "CPU核心数", "es-ES": "Núcleos de CPU" }),
          required: true,
          min_value: 1,
          max_value: 4096,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "ram_gb",
          description: "RAM in GB",
          description_localizations: localized({ "zh-CN": "内存，单位GB", "es-ES": "RAM en GB" }),
          required: true,
          min_value: 1,
          max_value: 65536,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "Region, e.g. eu-west or us-east-1",
          description_localizations: localized({
            "zh-CN": "区域，如eu-west或us-east-1",
            "es-ES": "Región, p. ej., eu-west o us-east-1",
          }),
          required: true,
          max_length: 24,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "price",
          description: "Tokens per GPU-hour (per CPU-hour without GPUs), e.g. 2.5",
          description_localizations: localized({
            "zh-CN": "每GPU小时的代币价格（无GPU则按CPU小时计），如2.5",
            "es-ES": "Tokens por GPU-hora (por CPU-hora si no tiene GPU), p. ej., 2.5",
          }),
          required: true,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "public_key",
          description: "The address the node agent printed (0x…)",
          description_localizations: localized({
            "zh-CN": "节点代理输出的地址（0x…）",
            "es-ES": "La dirección que mostró el agente del nodo (0x…)",
          }),
          required: true,
          max_length: 42,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "description",
          description: "What the node is good for",
          description_localizations: localized({ "zh-CN": "节点适合做什么", "es-ES": "Para qué sirve el nodo" }),
          max_length: 300,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      description: "Nodes: yours or all, by GPU, region or status",
      description_localizations: localized({
        "zh-CN": "节点：你的或全部，可按GPU、区域或状态筛选",
        "es-ES": "Nodos: los tuyos o todos, por GPU, región o estado",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "scope",
          description: "Your nodes (default) or all",
          description_localizations: localized({
            "zh-CN": "你的节点（默认）或全部",
            "es-ES": "Tus nodos (por defecto) o todos",
          }),
          choices: scopeChoices({ "zh-CN": "我的", "es-ES": "míos" }, { "zh-CN": "全部", "es-ES": "todos" }),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "gpu",
          description: "GPU model contains, e.g. h200",
          description_localizations: localized({
            "zh-CN": "GPU型号中包含的文字，如h200",
            "es-ES": "El modelo de GPU contiene, p. ej., h200",
          }),
          max_length: 32,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "Region starts with, e.g. eu",
          description_localizations: localized({
            "zh-CN": "区域的开头，如eu",
            "es-ES": "La región empieza por, p. ej., eu",
          }),
          max_length: 24,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "status",
          description: "Only nodes in this state",
          description_localizations: localized({
            "zh-CN": "仅显示处于此状态的节点",
            "es-ES": "Solo los nodos en este estado",
          }),
          choices: (["pending", "online", "offline", "retired"] as const).map((s) => ({
            name: s,
            name_localizations: localized(NODE_STATUS_NAMES[s]),
            value: s,
          })),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "A node: declared and reported specs, status, uptime, leases, earnings",
      description_localizations: localized({
        "zh-CN": "节点详情：申报与实测配置、状态、在线时长、租约、收益",
        "es-ES": "Un nodo: especificaciones declaradas y medidas, estado, disponibilidad, alquileres, ingresos",
      }),
      options: [nodeId],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "update",
      description: "Providers: change your node's price, region or description",
      description_localizations: localized({
        "zh-CN": "提供方：修改你节点的价格、区域或描述",
        "es-ES": "Proveedores: cambia el precio, la región o la descripción de tu nodo",
      }),
      options: [
        nodeId,
        {
          type: ApplicationCommandOptionType.String,
          name: "price",
          description: "New price per GPU-hour",
          description_localizations: localized({ "zh-CN": "新的每GPU小时价格", "es-ES": "Nuevo precio por GPU-hora" }),
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "New region",
          description_localizations: localized({ "zh-CN": "新区域", "es-ES": "Nueva región" }),
          max_length: 24,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "description",
          description: "New description",
          description_localizations: localized({ "zh-CN": "新描述", "es-ES": "Nueva descripción" }),
          max_length: 300,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "retire",
      description: "Providers: retire your node for good (its heartbeats are refused, its leases end)",
      description_localizations: localized({
        "zh-CN": "提供方：永久停用你的节点（拒绝其心跳，结束其租约）",
        "es-ES": "Proveedores: retira tu nodo para siempre (se rechazan sus latidos y acaban sus alquileres)",
      }),
      options: [nodeId],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
