import type { CatalogOf } from "../catalogOf.ts";
import type { epoch as source } from "../en/epoch.ts";

export const epoch = {
  "epoch.status.embedTitle": "Época {number}",
  "epoch.status.covers.fieldName": "Abarca",
  "epoch.status.coversEverything": "todo lo enviado hasta ahora (la primera época)",
  "epoch.status.started.fieldName": "Empezó",
  "epoch.status.budget.fieldName": "Presupuesto",
  "epoch.status.budgetLeft.fieldName": "Presupuesto restante tras las recompensas sugeridas",
  "epoch.status.submitted.fieldName": "Enviadas, pendientes de evaluación",
  "epoch.status.evaluated.fieldName": "Evaluadas",
  "epoch.status.underAppeal.fieldName": "En apelación",
  "epoch.status.flagged.fieldName": "Marcadas, a la espera de un moderador (no se pagan hasta que se liberen)",
  "epoch.status.noneFlagged": "Ninguna",
  "epoch.status.flagged":
    "{ids}{hasMore, select, yes { y {more} más} other {}}: `/evaluation clear` o `/evaluation override`",
  "epoch.status.compute.fieldName": "Cómputo (si la época se cerrara ahora)",
  "epoch.status.computeNothing":
    "Nada todavía: {online} nodo(s) en línea; el presupuesto de cómputo de {budget} se reparte según capacidad verificada × tiempo activo.",
  "epoch.status.computeShared":
    "{total} para {providers} proveedor(es): {nodes} nodo(s) se reparten el presupuesto de cómputo de {budget} según capacidad verificada × tiempo activo{hasLeases, select, yes {, y {leases} alquiler(es) terminados se pagan por las horas de GPU entregadas} other {}}. {online} nodo(s) en línea ahora.",
  "epoch.status.jury.fieldName": "Jurado ciego (hasta ahora)",
  "epoch.jury.noneReviewed": "Jurado: {sampled} contribución(es) en la muestra, ninguna revisada todavía.",
  "epoch.jury.size": "{items} elemento(s), {jurors} miembro(s) del jurado",
  "epoch.jury.notMeasurable":
    "Acuerdo del jurado: no medible (Spearman necesita dos elementos con puntuaciones distintas; {size}){hasDiff, select, yes {; diferencia media de {difference} puntos} other {}}.",
  "epoch.jury.agreement":
    "Acuerdo del jurado: {rho} (Spearman, {size}){hasDiff, select, yes {; diferencia media de {difference} puntos} other {}}.",
  "epoch.jury.belowMinimum":
    "Por debajo del mínimo de {minimum}: las puntuaciones del modelo y las del jurado no coinciden; revisa las evaluaciones de la muestra antes de votar.",
  "epoch.closing": "Cerrando la época y redactando su reparto…",
  "epoch.closed.closed": "La época {number} está cerrada; la época {next} está abierta.",
  "epoch.closed.nothingToPayCarried":
    "{closed} No hay nada que pagar, así que no hay ningún reparto que votar: las recompensas de {count, plural, one {# miembro} other {# miembros}} sin cartera verificada pasan a la siguiente época.",
  "epoch.closed.nothingToPay":
    "{closed} No hay nada que pagar, así que no hay ningún reparto que votar: en esta época no se evaluó ninguna contribución.",
  "epoch.closed.electorateUnavailable":
    "la lista de miembros no estaba disponible: si sigue fallando, comprueba el intent Server Members con `/steward status`",
  "epoch.closed.notOpened": "no se pudo abrir ({reason})",
  "epoch.closed.unknownReason": "motivo desconocido",
  "epoch.closed.votingOpen": "La votación está abierta hasta el {until}.",
  "epoch.closed.staysDraft":
    "Se queda como borrador hasta que un moderador la abra a votación con `/proposal open` ({why}).",
  "epoch.closed.proposal":
    "{closed} La propuesta de reparto n.º {id} ({count, plural, one {{payouts} pago} other {{payouts} pagos}}, hash del lote `{batch}`) {where, select, posted {está publicada en {channel}.} other {está guardada.}}{note} {vote}",
} as const satisfies CatalogOf<typeof source>;
