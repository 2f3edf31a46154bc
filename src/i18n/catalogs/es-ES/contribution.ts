import type { CatalogOf } from "../catalogOf.ts";
import type { contribution as source } from "../en/contribution.ts";

export const contribution = {
  "contribution.category":
    "{category, select, code {código} docs {documentación} design {diseño} research {investigación} community {comunidad} ops {operaciones} other {otros}}",
  "contribution.status":
    "{status, select, submitted {enviada} evaluating {en evaluación} evaluated {evaluada} final {definitiva} withdrawn {retirada} other {{status}}}",
  "contribution.embed.category.fieldName": "Categoría",
  "contribution.embed.status.fieldName": "Estado",
  "contribution.embed.author.fieldName": "Autor",
  "contribution.embed.hours.fieldName": "Horas",
  "contribution.embed.links.fieldName": "Enlaces",
  "contribution.embed.submitted.fieldName": "Enviada",
  "contribution.embed.withdrawn.fieldName": "Retirada",
  "contribution.embed.footer": "Steward · contribución #{id}",
  "contribution.list.mine.embedTitle": "Tus contribuciones",
  "contribution.list.mineWithStatus.embedTitle": "Tus contribuciones ({status})",
  "contribution.list.all.embedTitle": "Todas las contribuciones",
  "contribution.list.allWithStatus.embedTitle": "Todas las contribuciones ({status})",
  "contribution.list.mineEmpty": "Aún no tienes contribuciones aquí. Envía una con `/contribute submit`.",
  "contribution.list.noMatch": "Ninguna contribución coincide.",
  "contribution.list.footer": "Página {page} de {pages} · {total} en total",
  "contribution.form.modalTitle": "Enviar una contribución",
  "contribution.form.title.inputLabel": "Título",
  "contribution.form.description.inputLabel": "Qué hiciste y por qué importa",
  "contribution.form.links.inputLabel": "Enlaces (hasta 5, uno por línea)",
  "contribution.submitted": "La contribución **#{id}** «{title}» se ha enviado y espera su evaluación.{postNote}",
  "contribution.withdrawn": "La contribución **#{id}** «{title}» se ha retirado.",
} as const satisfies CatalogOf<typeof source>;
