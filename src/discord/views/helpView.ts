import type { APIEmbed } from "discord-api-types/v10";

export function helpView(entries: { path: string; description: string; moderatorOnly: boolean }[]): APIEmbed {
  return {
    title: "Steward commands you can use",
    description: entries
      .map((e) => `\`/${e.path}\` — ${e.description}${e.moderatorOnly ? " *(moderators)*" : ""}`)
      .join("\n"),
    color: 0x5865f2,
    footer: { text: "Steward runs contributions, evaluations, votes and payouts for this DAO." },
  };
}
