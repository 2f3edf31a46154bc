import type { APIEmbed } from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import { DISCORD_LIMITS } from "./clampPayload.ts";

/**
 * The commands a member may use, one line each. One embed while they fit its description (a moderator sees every
 * command: in a longer language the list outgrows one embed); the rest continue in the next embeds.
 */
export function helpView(
  t: Translator,
  entries: { path: string; description: string; moderatorOnly: boolean }[],
): APIEmbed[] {
  const lines = entries.map((e) =>
    t.t(e.moderatorOnly ? "help.command.moderators" : "help.command", { path: e.path, description: e.description }),
  );
  const parts: string[][] = [[]];
  let length = 0;
  for (const line of lines) {
    const current = parts[parts.length - 1] as string[];
    if (current.length > 0 && length + 1 + line.length > DISCORD_LIMITS.embedDescription) {
      parts.push([line]);
      length = line.length;
    } else {
      current.push(line);
      length += (current.length > 1 ? 1 : 0) + line.length;
    }
  }
  return parts.map((part, i) => ({
    ...(i === 0 ? { title: t.t("help.commands.embedTitle") } : {}),
    description: part.join("\n"),
    color: 0x5865f2,
    ...(i === parts.length - 1 ? { footer: { text: t.t("help.about.footer") } } : {}),
  }));
}
