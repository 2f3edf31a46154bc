import type { CatalogOf } from "../catalogOf.ts";
import type { budget as source } from "../en/budget.ts";

export const budget = {
  "budget.floorItem": "{category} {share}",
  "budget.floorsNone":
    "Ninguna categoría tiene un mínimo: cuando las recompensas superan el presupuesto, todo se reparte según la puntuación.",
  "budget.floorsNow": "Mínimos actuales: {floors}; el resto ({rest}) se reparte según la puntuación.",
  "budget.floorSet":
    "A partir del próximo cierre de época, **{category}** recibe al menos el {share} del presupuesto cuando las recompensas lo superan, antes de repartir el resto según la puntuación (menos solo si sus contribuciones pidieron menos).",
  "budget.floorRemoved":
    "**{category}** ya no tiene mínimo: a partir del próximo cierre de época se reparte según la puntuación como el resto.",
  "budget.floorNoneToRemove": "**{category}** no tenía mínimo: no se ha cambiado nada.",
  "budget.howToSet": "Fija uno con `/steward settings budget-floor category:… share:15%` (`share:0%` lo quita).",
  "budget.error.invalidShare":
    "`{input}` no es una parte del presupuesto: indica un porcentaje del 0 % al 100 %, como 15% o 12.5% (0% quita el mínimo).",
  "budget.error.floorsOver":
    "**{category}** no puede tener un mínimo del {share}: los mínimos de las demás categorías ya ocupan el {others}, y entre todos pueden ocupar como mucho el 100 % del presupuesto. Baja antes otro mínimo. No se ha cambiado nada.",
} as const satisfies CatalogOf<typeof source>;
