import type { CatalogOf } from "../catalogOf.ts";
import type { common as source } from "../en/common.ts";

export const common = {
  "common.discordFailedWhileAnswering":
    "{failure} mientras respondía, así que esta respuesta puede no reflejar lo ocurrido: lo que pediste puede estar ya hecho y guardado. Compruébalo antes de volver a intentarlo, para que nada se haga dos veces. Id. de incidencia: `{incidentId}`.",
  "common.unexpectedError":
    "Algo ha fallado por nuestra parte y no se ha cambiado nada. Si vuelve a ocurrir, da a un moderador este id. de incidencia: `{incidentId}`.",
} as const satisfies CatalogOf<typeof source>;
