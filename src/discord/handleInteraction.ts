import type { GuildMember, Interaction, RepliableInteraction } from "discord.js";
import type { CommandPath } from "../../commands/index.ts";
import { UserError } from "../services/errors.ts";
import type { BotDeps, HandlerContext } from "./context.ts";
import { withErrorBoundary } from "./errorBoundary.ts";
import { mayUse } from "./permissions.ts";
import { commandHandlers, componentHandlers, modalHandlers } from "./router.ts";

function roleNames(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  const ids = Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
  return ids.flatMap((id) => {
    const role = interaction.guild?.roles.cache.get(id);
    return role ? [role.name, role.id] : [id];
  });
}

function contextFor(interaction: Interaction, deps: BotDeps): HandlerContext {
  if (!interaction.inGuild()) throw new UserError("guild_only", {});
  return {
    deps,
    actor: { guildId: interaction.guildId, discordId: interaction.user.id, username: interaction.user.username },
    isModerator: roleNames(interaction).includes(deps.config.MODERATOR_ROLE),
  };
}

/** Parses the interaction, checks who may use it, and calls its handler inside the error boundary. */
export async function handleInteraction(interaction: Interaction, deps: BotDeps): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const sub = interaction.options.getSubcommand(false);
    const path = (sub ? `${interaction.commandName} ${sub}` : interaction.commandName) as CommandPath;
    const log = {
      command: path,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      interactionId: interaction.id,
    };
    await withErrorBoundary(interaction, deps.logger, log, async () => {
      const handler = commandHandlers[path];
      if (!handler) throw new Error(`no handler for command ${path}`);
      const ctx = contextFor(interaction, deps);
      if (!mayUse(path, ctx.isModerator)) throw new UserError("missing_role", { role: deps.config.MODERATOR_ROLE });
      deps.logger.debug(log, "command");
      await handler(interaction, ctx);
    });
    return;
  }
  if (interaction.isModalSubmit()) {
    await dispatchByCustomId(interaction, modalHandlers, "modal", deps);
  } else if (interaction.isMessageComponent()) {
    await dispatchByCustomId(interaction, componentHandlers, "component", deps);
  }
}

/** Buttons, menus and modals route by the first `:`-separated part of their custom id; the rest are arguments. */
async function dispatchByCustomId<I extends Interaction & RepliableInteraction & { customId: string }>(
  interaction: I,
  handlers: Record<string, (i: I, ctx: HandlerContext, args: string[]) => Promise<void>>,
  kind: "component" | "modal",
  deps: BotDeps,
): Promise<void> {
  const [prefix = "", ...args] = interaction.customId.split(":");
  const log = { [kind]: interaction.customId, userId: interaction.user.id, interactionId: interaction.id };
  await withErrorBoundary(interaction, deps.logger, log, async () => {
    const handler = handlers[prefix];
    if (!handler) throw new Error(`no handler for ${kind} ${interaction.customId}`);
    await handler(interaction, contextFor(interaction, deps), args);
  });
}
