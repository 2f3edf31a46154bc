/** English: the source every other catalog translates. Keys start with "help.". */
export const help = {
  "help.commands.embedTitle": "Steward commands you can use",
  "help.command": "`/{path}` — {description}",
  "help.command.moderators": "`/{path}` — {description} *(moderators)*",
  "help.about.footer": "Steward runs contributions, evaluations, votes and payouts for this DAO.",
} as const;
