import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

/** Moderator-only commands are hidden from members without Manage Messages (server admins can change who sees them
 * under Integrations); Steward still checks the moderator role itself. */
export const MODERATOR_COMMAND_PERMISSIONS = PermissionFlagsBits.ManageMessages.toString();

export const stewardCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "steward",
  description: "Steward's own health in this server (moderators)",
  contexts: [InteractionContextType.Guild],
  default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "What to fix in the server's setup, and the posts waiting to be made",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
