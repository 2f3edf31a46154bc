import type { CatalogOf } from "../catalogOf.ts";
import type { help as source } from "../en/help.ts";

export const help = {
  "help.commands.embedTitle": "Comandos de Steward que puedes usar",
  "help.command": "`/{path}` — {description}",
  "help.command.moderators": "`/{path}` — {description} *(moderadores)*",
  "help.about.footer": "Steward gestiona las contribuciones, evaluaciones, votaciones y pagos de esta DAO.",
} as const satisfies CatalogOf<typeof source>;
