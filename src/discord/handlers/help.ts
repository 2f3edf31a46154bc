import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { type CommandPath, commandDefinitions } from "../../../commands/index.ts";
import { commandAudience, mayUse } from "../permissions.ts";
import { ephemeral } from "../reply.ts";
import { helpView } from "../views/helpView.ts";
import type { CommandHandler } from "./types.ts";

/** Every command path with its description, in definition order. */
export function describeCommands(): { path: CommandPath; description: string }[] {
  return commandDefinitions.flatMap((command): { path: CommandPath; description: string }[] => {
    const options: readonly { type: number; name: string; description: string }[] =
      "options" in command ? command.options : [];
    const subs = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    if (subs.length === 0) return [{ path: command.name as CommandPath, description: command.description }];
    return subs.map((s) => ({ path: `${command.name} ${s.name}` as CommandPath, description: s.description }));
  });
}

export const help: CommandHandler = async (i, ctx) => {
  const entries = describeCommands()
    .filter((c) => mayUse(c.path, ctx.isModerator, ctx.member.roles.includes(ctx.deps.services.calibration.jurorRole)))
    .map((c) => ({ ...c, moderatorOnly: commandAudience[c.path] === "moderator" }));
  await i.reply(ephemeral({ embeds: [helpView(entries)] }));
};
