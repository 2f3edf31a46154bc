import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { categoryChoices } from "./contribute.ts";
import { localized } from "./localized.ts";

/** Moderator-only commands are hidden from members without Manage Messages (server admins can change who sees them
 * under Integrations); Steward still checks the moderator role itself. */
export const MODERATOR_COMMAND_PERMISSIONS = PermissionFlagsBits.ManageMessages.toString();

export const stewardCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "steward",
  description: "Steward's own health in this server (moderators)",
  description_localizations: localized({
    "zh-CN": "Steward在本服务器的运行状况（版主）",
    "es-ES": "El estado de Steward en este servidor (moderadores)",
  }),
  contexts: [InteractionContextType.Guild],
  default_member_permissions: MODERATOR_COMMAND_PERMISSIONS,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "What to fix in the server's setup, and the posts waiting to be made",
      description_localizations: localized({
        "zh-CN": "服务器设置中需要修复的问题，以及等待发布的帖子",
        "es-ES": "Qué corregir en la configuración del servidor y las publicaciones pendientes",
      }),
    },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: "settings",
      description: "Settings moderators keep for this server",
      description_localizations: localized({
        "zh-CN": "版主为本服务器维护的设置",
        "es-ES": "Ajustes que los moderadores mantienen para este servidor",
      }),
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: "budget-floor",
          description: "A category's floor: its least share of each epoch's budget (no share: show the floors)",
          description_localizations: localized({
            "zh-CN": "某类别的保底：每个纪元预算中它至少获得的比例（不填比例：查看保底）",
            "es-ES": "Mínimo de una categoría: su parte mínima del presupuesto de cada época (sin parte: verlos)",
          }),
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: "category",
              description: "The category of contributions",
              description_localizations: localized({
                "zh-CN": "贡献的类别",
                "es-ES": "La categoría de las contribuciones",
              }),
              required: true,
              choices: categoryChoices(),
            },
            {
              type: ApplicationCommandOptionType.String,
              name: "share",
              description: "Its floor as a percentage of the budget, e.g. 15% (0% removes it)",
              description_localizations: localized({
                "zh-CN": "保底占预算的百分比，例如 15%（0% 表示取消）",
                "es-ES": "Su mínimo como porcentaje del presupuesto, p. ej. 15% (0% lo quita)",
              }),
              required: false,
              max_length: 8,
            },
          ],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
