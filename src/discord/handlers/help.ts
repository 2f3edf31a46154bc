import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { type CommandPath, commandDefinitions } from "../../../commands/index.ts";
import { commandAudience, mayUse } from "../permissions.ts";
import { ephemeral } from "../reply.ts";
import { helpView } from "../views/helpView.ts";
import type { CommandHandler } from "./types.ts";

type Described = {
  description: string;
  /** Discord's per-language descriptions (keyed by Discord locale), where the definition has them. */
  description_localizations?: Partial<Record<string, string>> | null;
};

/** Every command path with its description (and its translations, where defined), in definition order. */
export function describeCommands(): {
  path: CommandPath;
  description: string;
  descriptionLocalizations: Partial<Record<string, string>>;
}[] {
  const entry = (path: string, d: Described) => ({
    path: path as CommandPath,
    description: d.description,
    descriptionLocalizations: d.description_localizations ?? {},
  });
  return commandDefinitions.flatMap((command) => {
    const options: readonly ({ type: number; name: string } & Described)[] =
      "options" in command ? command.options : [];
    type Option = { type: number; name: string; options?: readonly Option[] } & Described;
    // A subcommand group's subcommands are paths of three words ("steward settings budget-floor").
    const leaves = (prefix: string, list: readonly Option[]): ReturnType<typeof entry>[] =>
      list.flatMap((o) => {
        if (o.type === ApplicationCommandOptionType.Subcommand) return [entry(`${prefix} ${o.name}`, o)];
        if (o.type === ApplicationCommandOptionType.SubcommandGroup)
          return leaves(`${prefix} ${o.name}`, o.options ?? []);
        return [];
      });
    const subs = leaves(command.name, options as readonly Option[]);
    if (subs.length === 0) return [entry(command.name, command as Described)];
    return subs;
  });
}

export const help: CommandHandler = async (i, ctx) => {
  const entries = describeCommands()
    .filter((c) => mayUse(c.path, ctx.isModerator, ctx.member.roles.includes(ctx.deps.services.calibration.jurorRole)))
    .map((c) => ({
      path: c.path,
      // The member's language as Discord shows the command itself in it (Steward's language tags are Discord's).
      description: c.descriptionLocalizations[ctx.t.locale] ?? c.description,
      moderatorOnly: commandAudience[c.path] === "moderator",
    }));
  await i.reply(ephemeral({ embeds: helpView(ctx.t, entries) }));
};
