import type { CatalogOf } from "../catalogOf.ts";
import type { distribution as source } from "../en/distribution.ts";

export const distribution = {
  "distribution.title": "Reparto de recompensas de la época {epoch}",
  "distribution.summary":
    "Paga {paid} a {recipients, plural, one {# miembro} other {# miembros}} por {contributions, plural, one {# contribución} other {# contribuciones}}{hasCompute, select, yes { y {compute} de cómputo ({rewards, plural, one {# recompensa} other {# recompensas}} por disponibilidad de nodos y alquileres)} other {}} de la época {epoch}{scaled, select, yes {, reducido de {total} al presupuesto de {budget}} other {}}.{hasWalletless, select, yes { {walletless, plural, one {# miembro} other {# miembros}} sin cartera verificada: {carried} pasan a la siguiente época.} other {}}",
  "distribution.budget":
    "Presupuesto: {budget}. Total sugerido: {total}. {scaled, select, yes {Reducido: cada parte × presupuesto / total, redondeada a la baja; las unidades mínimas perdidas al redondear van una a una a los mayores restos.} other {Dentro del presupuesto: se paga lo sugerido.}}",
  "distribution.floors": "Mínimos por categoría: {floors}.",
  "distribution.floors.separator": "; ",
  "distribution.floor.noWork": "{category} (mínimo del {share}): ninguna contribución en esta época",
  "distribution.floor.notNeeded":
    "{category} (mínimo del {share}): no hace falta, el presupuesto cubre todas las recompensas",
  "distribution.floor.inFull":
    "{category} pidió menos que su mínimo del {share} ({floor}): {count, plural, one {su contribución se paga} other {sus # contribuciones se pagan}} por completo, {requested}",
  "distribution.floor.first":
    "{category} recibió primero su mínimo del {share}: {reserved} por {count, plural, one {# contribución} other {# contribuciones}}, y después su parte del resto según la puntuación",
  "distribution.compute":
    "Cómputo: {budget} repartidos según la capacidad verificada × la disponibilidad, más las horas de GPU entregadas por cada alquiler terminado × su precio: {rewards}.",
  "distribution.compute.lease": "alquiler #{id} — {amount}",
  "distribution.compute.uptime": "disponibilidad del nodo #{id} — {amount}",
  "distribution.policy.holdNone":
    "Política (retener): no se retuvo ninguna evaluación de la muestra; en todas, la puntuación del jurado quedó a menos de un punto de la del modelo, o ya la había revisado una persona.",
  "distribution.policy.held":
    "Política (retener): retenidas para un moderador, no cobran nada en este reparto hasta que una persona las apruebe: {items}.",
  "distribution.policy.heldItem": "#{id} (modelo {model}/100, jurado {jury}/100)",
  "distribution.policy.juryNone": "Política (jurado): ningún elemento de la muestra se paga en este reparto.",
  "distribution.policy.juryPaid":
    "Política (jurado): estos elementos de la muestra se pagan según la puntuación del jurado, no la del modelo: {items}.",
  "distribution.policy.juryItem":
    "#{id}: {juryReward} (jurado {jury}/100; con el {model}/100 del modelo se pagarían {modelReward})",
  "distribution.jurors":
    "Jurado: {total} por {reviews, plural, one {# revisión completada} other {# revisiones completadas}} de {jurors, plural, one {# miembro del jurado} other {# miembros del jurado}}, una cantidad fija por revisión, del presupuesto de la época.",
  "distribution.mentors":
    "Mentores: el {share} de la primera contribución pagada de un recién llegado, del presupuesto de la época: {shares}.",
  "distribution.mentorShare": "{amount} para <@{mentor}> por ser mentor de <@{newcomer}> (contribución #{id})",
  "distribution.mentorsRefused": "Sin parte para el mentor en {ids}: el mentor comparte cartera con el recién llegado.",
  "distribution.appealed": "Pendientes para la siguiente época (apelaciones abiertas): {ids}.",
  "distribution.held": "Pendientes para la siguiente época (marcadas, a la espera de un moderador): {ids}.",
} as const satisfies CatalogOf<typeof source>;
