import type { CatalogOf } from "../catalogOf.ts";
import type { jury as source } from "../en/jury.ts";

export const jury = {
  "jury.item.embedTitle": "Elemento del jurado {id} · {title}",
  "jury.item.category.fieldName": "Categoría",
  "jury.item.hours.fieldName": "Horas declaradas",
  "jury.item.evidence.fieldName": "Pruebas",
  "jury.item.criteria.fieldName": "Puntúa cada uno de 0 a 10",
  "jury.item.footer":
    "Revisión a ciegas de la época {epoch}: el autor y las puntuaciones del modelo están ocultos. Te quedan {count, plural, one {# elemento} other {# elementos}}, incluido este.",
  "jury.item.score.button": "Puntuar",
  "jury.nothing.noSample":
    "Aún no hay nada que revisar: la época {epoch} no tiene contribuciones evaluadas que muestrear.",
  "jury.nothing.done":
    "No te queda nada en la muestra de {sampled} de la época {epoch}: has puntuado todos los elementos que puedes puntuar (no se muestran los tuyos ni los de quien comparta cartera contigo). Gracias.",
  "jury.score.modalTitle": "Puntuar el elemento del jurado {id}",
  "jury.score.criterion.inputLabel": "{criterion} (de 0 a 10)",
  "jury.recorded":
    "Se han registrado tus puntuaciones del elemento del jurado {id}: {scores}. Usa /jury next para el siguiente.",
} as const satisfies CatalogOf<typeof source>;
