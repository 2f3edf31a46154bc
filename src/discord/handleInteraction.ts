import type { GuildMember, Interaction, RepliableInteraction } from "discord.js";
import type { CommandPath } from "../../commands/index.ts";
import { UserError } from "../services/errors.ts";
import { checkCommandInput, checkModalInput } from "./checkInput.ts";
import type { BotDeps, HandlerContext } from "./context.ts";
import { withErrorBoundary } from "./errorBoundary.ts";
import { mayUse } from "./permissions.ts";
import { commandHandlers, componentHandlers, modalHandlers } from "./router.ts";

function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
}

function roleNames(interaction: Interaction): string[] {
  return memberRoleIds(interaction).flatMap((id) => {
    const role = interaction.guild?.roles.cache.get(id);
    return role ? [role.name] : [];
  });
}

function joinedAt(interaction: Interaction): Date | null {
  const member = interaction.member;
  if (!member) return null;
  if ("joined_at" in member) return member.joined_at ? new Date(member.joined_at) : null;
  return (member as GuildMember).joinedAt;
}

function contextFor(interaction: Interaction, deps: BotDeps): HandlerContext {
  if (!interaction.inGuild()) throw new UserError("guild_only", {});
  const roles = roleNames(interaction);
  return {
    deps,
    actor: { guildId: interaction.guildId, discordId: interaction.user.id, username: interaction.user.username },
    // Role ids count too: MODERATOR_ROLE may name the role or give its id.
    isModerator:
      roles.includes(deps.config.MODERATOR_ROLE) || memberRoleIds(interaction).includes(deps.config.MODERATOR_ROLE),
    member: { roles, roleIds: memberRoleIds(interaction), joinedAt: joinedAt(interaction) },
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
    await measured(deps, path, () =>
      withErrorBoundary(interaction, deps.logger, log, async () => {
        const handler = commandHandlers[path];
        if (!handler) throw new Error(`no handler for command ${path}`);
        const ctx = contextFor(interaction, deps);
        if (!mayUse(path, ctx.isModerator)) throw new UserError("missing_role", { role: deps.config.MODERATOR_ROLE });
        checkCommandInput(interaction);
        deps.logger.debug(log, "command");
        await handler(interaction, ctx);
      }),
    );
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
  // Labelled by prefix only ("component:vote"): the rest of a custom id is per message and would explode the series.
  await measured(deps, `${kind}:${handlers[prefix] ? prefix : "unknown"}`, () =>
    withErrorBoundary(interaction, deps.logger, log, async () => {
      const handler = handlers[prefix];
      if (!handler) throw new Error(`no handler for ${kind} ${interaction.customId}`);
      if (interaction.isModalSubmit()) checkModalInput(interaction);
      await handler(interaction, contextFor(interaction, deps), args);
    }),
  );
}

/** Runs a handled interaction and counts it in /metrics by name and outcome, with its duration. */
async function measured(deps: BotDeps, name: string, run: () => Promise<"ok" | "user_error" | "error">) {
  const started = performance.now();
  const outcome = await run();
  deps.services.metrics.interaction(name, outcome, (performance.now() - started) / 1000);
}
