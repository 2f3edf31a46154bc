import type { CatalogOf } from "../catalogOf.ts";
import type { help as source } from "../en/help.ts";

export const help = {
  "help.commands.embedTitle": "你可以使用的Steward命令",
  "help.command": "`/{path}` — {description}",
  "help.command.moderators": "`/{path}` — {description}*（仅限管理员）*",
  "help.about.footer": "Steward负责本DAO的贡献、评估、投票和付款。",
} as const satisfies CatalogOf<typeof source>;
