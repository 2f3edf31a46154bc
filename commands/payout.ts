import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { proposalIdOption } from "./options.ts";
import { MODERATOR_COMMAND_PERMISSIONS } from "./steward.ts";

export const payoutCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "payout",
  description: "Moderators: approve or reject passed payouts",
  contexts: [InteractionContextType.Guild],
  default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "approve",
      description: "Moderators: approve a passed payout proposal",
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reject",
      description: "Moderators: reject (veto) a passed payout proposal",
      options: [
        proposalIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why (shown to members)",
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
