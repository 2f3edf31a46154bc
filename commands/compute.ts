import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const computeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "compute",
  description: "Ask for compute, see your leases, end one",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "request",
      description: "Ask for GPUs: the best fitting online offers, each with a Choose button",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "gpu_count",
          description: "How many GPUs",
          required: true,
          min_value: 1,
          max_value: 16,
        },
        {
          type: ApplicationCommandOptionType.Number,
          name: "hours",
          description: "For how long, in hours (e.g. 4 or 0.5)",
          required: true,
          min_value: 0.01,
          max_value: 720,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "max_price",
          description: "Most you accept per GPU-hour, in tokens (e.g. 3)",
          required: true,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "purpose",
          description: "What it is for (shown to the provider)",
          required: true,
          max_length: 300,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "gpu_model",
          description: "GPU model, e.g. H200",
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "min_vram_gb",
          description: "At least this much VRAM per GPU (GB)",
          min_value: 1,
          max_value: 1024,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "region",
          description: "Preferred region, e.g. eu-west",
          max_length: 24,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "leases",
      description: "Your leases, as requester or provider",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "end",
      description: "End a lease early (paid pro rata for what was delivered)",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "lease",
          description: "Lease id (the number after #)",
          required: true,
          min_value: 1,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
