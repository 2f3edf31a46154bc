import type { CatalogOf } from "../catalogOf.ts";
import type { steward as source } from "../en/steward.ts";

export const steward = {
  "steward.pager.previous.button": "Anterior",
  "steward.pager.next.button": "Siguiente",
  "steward.digest.quotedTitle": "«{title}»",
  "steward.digest.contributionLine": "**#{id}** {title} · {category} · de <@{author}>",
  "steward.digest.contributions":
    "**{count, plural, one {# contribución nueva} other {# contribuciones nuevas}}**, listadas juntas porque llegaron muchas a la vez.",
  "steward.digest.contributions.footer": "/contribute show id muestra una completa",
  "steward.digest.evaluationLine":
    "**#{id}** {title} de <@{author}>: {score}/100, sugerido {reward}{held, select, yes { · retenida para que la revise una persona} other {}}",
  "steward.digest.evaluations":
    "**{count, plural, one {# contribución evaluada} other {# contribuciones evaluadas}}**, listadas juntas porque se evaluaron muchas a la vez: {mentions}",
  "steward.digest.evaluations.footer":
    "/evaluation show contribution muestra las puntuaciones, las pruebas y los avisos",
} as const satisfies CatalogOf<typeof source>;
