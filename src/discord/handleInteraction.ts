import { type GuildMember, type Interaction, MessageFlags, type RepliableInteraction } from "discord.js";
import type { CommandPath } from "../../commands/index.ts";
import { UserError } from "../services/errors.ts";
import { AUTO_DEFER_AFTER_MS, autoDefer, type LateAnswer } from "./autoDefer.ts";
import { checkCommandInput, checkModalInput } from "./checkInput.ts";
import { configuredRoleIds, heldRoleSettings } from "./configuredRoles.ts";
import type { BotDeps, HandlerContext } from "./context.ts";
import { withErrorBoundary } from "./errorBoundary.ts";
import { memberTranslator } from "./interactionLocale.ts";
import { commandAudience, mayUse } from "./permissions.ts";
import { refuseForeignGuild } from "./refuseForeignGuild.ts";
import { rememberMemberLocale } from "./rememberMemberLocale.ts";
import { commandHandlers, componentHandlers, componentLateAnswers, modalHandlers } from "./router.ts";
import { tellOfClosedDms } from "./tellOfClosedDms.ts";

function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
}

function joinedAt(interaction: Interaction): Date | null {
  const member = interaction.member;
  if (!member) return null;
  if ("joined_at" in member) return member.joined_at ? new Date(member.joined_at) : null;
  return (member as GuildMember).joinedAt;
}

function contextFor(interaction: Interaction, deps: BotDeps): HandlerContext {
  if (!interaction.inGuild()) throw new UserError("guild_only", {});
  rememberMemberLocale(deps, interaction);
  // Decided by role id: a role someone made with the moderator role's name holds no authority.
  const ids = interaction.guild ? configuredRoleIds(interaction.guild, deps.settings) : new Map<string, string>();
  const roleIds = memberRoleIds(interaction);
  const roles = heldRoleSettings(ids, roleIds);
  return {
    deps,
    t: memberTranslator(deps.settings, interaction),
    actor: { guildId: interaction.guildId, discordId: interaction.user.id, username: interaction.user.username },
    isModerator: roles.includes(deps.settings.moderatorRole),
    member: { roles, roleIds, joinedAt: joinedAt(interaction) },
  };
}

/** Parses the interaction, checks who may use it, and calls its handler inside the error boundary. */
export async function handleInteraction(interaction: Interaction, deps: BotDeps): Promise<void> {
  if (interaction.inGuild() && !deps.guildIds.includes(interaction.guildId)) {
    await refuseForeignGuild(interaction, deps.logger);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand(false);
    const path = [interaction.commandName, group, sub].filter(Boolean).join(" ") as CommandPath;
    const log = {
      command: path,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      interactionId: interaction.id,
    };
    // Every command answers privately: a slow one is deferred as a private reply.
    const answer = acknowledgeInTime(interaction, "reply", deps, log);
    await measured(deps, path, () =>
      withErrorBoundary(
        answer.interaction,
        memberTranslator(deps.settings, interaction),
        deps.logger,
        log,
        async () => {
          const handler = commandHandlers[path];
          if (!handler) throw new Error(`no handler for command ${path}`);
          const ctx = contextFor(interaction, deps);
          const jurorRole = deps.services.calibration.jurorRole;
          if (!mayUse(path, ctx.isModerator, ctx.member.roles.includes(jurorRole))) {
            const role = commandAudience[path] === "juror" ? jurorRole : deps.settings.moderatorRole;
            throw new UserError("missing_role", { role });
          }
          checkCommandInput(interaction);
          deps.logger.debug(log, "command");
          await handler(answer.interaction, ctx);
        },
      ),
    ).finally(answer.stop);
    await tellOfClosedDms(interaction, deps);
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
  const answer = acknowledgeInTime(interaction, lateAnswerOf(interaction, prefix), deps, log);
  await measured(deps, `${kind}:${handlers[prefix] ? prefix : "unknown"}`, () =>
    withErrorBoundary(answer.interaction, memberTranslator(deps.settings, interaction), deps.logger, log, async () => {
      const handler = handlers[prefix];
      if (!handler) throw new Error(`no handler for ${kind} ${interaction.customId}`);
      if (interaction.isModalSubmit()) checkModalInput(interaction);
      await handler(answer.interaction, contextFor(interaction, deps), args);
    }),
  ).finally(answer.stop);
}

/**
 * How a slow button, menu or form is acknowledged: as its router entry declares, else as Steward's handlers answer
 * by default: a click on a private message (a pager, a draft, a ballot flow) updates it, one on a public message
 * answers privately.
 */
function lateAnswerOf(interaction: RepliableInteraction, prefix: string): LateAnswer {
  const message = interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.message : null;
  if (!message) return "reply";
  return componentLateAnswers[prefix] ?? (message.flags.has(MessageFlags.Ephemeral) ? "update" : "reply");
}

/** The interaction as handlers get it: acknowledged by Steward if its handler has not answered in time. */
function acknowledgeInTime<I extends RepliableInteraction>(
  interaction: I,
  late: LateAnswer,
  deps: BotDeps,
  log: Record<string, unknown>,
) {
  return autoDefer(interaction, late, {
    afterMs: AUTO_DEFER_AFTER_MS,
    onDeferred: () => deps.logger.info({ ...log, late }, "slow handler: acknowledged automatically"),
    onError: (err) => deps.logger.warn({ ...log, err }, "could not acknowledge a slow interaction"),
  });
}

/** Runs a handled interaction and counts it in /metrics by name and outcome, with its duration. */
async function measured(deps: BotDeps, name: string, run: () => Promise<"ok" | "user_error" | "error">) {
  const started = performance.now();
  const outcome = await run();
  deps.services.metrics.interaction(name, outcome, (performance.now() - started) / 1000);
}
