import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

const nodeId = {
  type: ApplicationCommandOptionType.Integer,
  name: "id",
  description: "Node id (the number after #)",
  required: true,
  min_value: 1,
} as const;

export const nodeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "node",
  description: "Compute providers: register, list, show, update and retire nodes",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "register",
      description: "Providers: register a machine (run `steward node-agent` on it first to get its key)",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "name",
          description: "A name for the node",
          required: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "gpu_model",
          description: "GPU model, e.g. H200 (none for a CPU-only node)",
          required: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "gpu_count",
          description: "Number of GPUs (0 without GPUs)",
          required: true,
          min_value: 0,
          max_value: 16,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "vram_gb",
          description: "VRAM per GPU in GB (0 without GPUs)",
          required: true,
          min_value: 0,
          max_value: 1024,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "cpu_cores",
          description: "CPU cores",
          required: true,
          min_value: 1,
          max_value: 4096,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "ram_gb",
          description: "RAM in GB",
          required: true,
          min_value: 1,
          max_value: 65536,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "Region, e.g. eu-west or us-east-1",
          required: true,
          max_length: 24,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "price",
          description: "Tokens per GPU-hour (per CPU-hour without GPUs), e.g. 2.5",
          required: true,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "public_key",
          description: "The address the node agent printed (0x…)",
          required: true,
          max_length: 42,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "description",
          description: "What the node is good for",
          max_length: 300,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      description: "Nodes: yours or all, by GPU, region or status",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "scope",
          description: "Your nodes (default) or all",
          choices: [
            { name: "mine", value: "mine" },
            { name: "all", value: "all" },
          ],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "gpu",
          description: "GPU model contains, e.g. h200",
          max_length: 32,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "Region starts with, e.g. eu",
          max_length: 24,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "status",
          description: "Only nodes in this state",
          choices: ["pending", "online", "offline", "retired"].map((s) => ({ name: s, value: s })),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "A node: declared and reported specs, status, uptime, leases, earnings",
      options: [nodeId],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "update",
      description: "Providers: change your node's price, region or description",
      options: [
        nodeId,
        {
          type: ApplicationCommandOptionType.String,
          name: "price",
          description: "New price per GPU-hour",
          max_length: 40,
        },
        { type: ApplicationCommandOptionType.String, name: "region", description: "New region", max_length: 24 },
        {
          type: ApplicationCommandOptionType.String,
          name: "description",
          description: "New description",
          max_length: 300,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "retire",
      description: "Providers: retire your node for good (its heartbeats are refused, its leases end)",
      options: [nodeId],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
