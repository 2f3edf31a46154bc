import type { CatalogOf } from "../catalogOf.ts";
import type { notes as source } from "../en/notes.ts";

export const notes = {
  "notes.proposalNotPaid": "La propuesta #{proposalId} no se ha pagado: {reason}.",
  "notes.proposalNotPlanned":
    "No se ha podido planificar el pago de la propuesta #{proposalId}: {reason}. Se vuelve a intentar en cada liquidación; los demás pagos siguen adelante.",
  "notes.proposalWaits": "La propuesta #{proposalId} está pendiente de pago: {reason}.",
  "notes.chunkStuck":
    "El pago de la propuesta #{proposalId} (lote {chunk} de {chunkCount}) está atascado: {reason}. Se vuelve a intentar en cada liquidación; los demás pagos siguen adelante.",
  "notes.chunkFailed":
    "El pago de la propuesta #{proposalId} (lote {chunk} de {chunkCount}, {total}) ha fallado y no se ha reintentado: {reason}. Soluciona la causa y luego usa `/payout retry proposal:{proposalId}`.",
  "notes.settlementStopped": "Los pagos esperan: {reason}.",
  "notes.heldLineItem": "línea retenida #{id} (línea {line}, {recipient}, {amount})",
  "notes.itemSeparator": "; ",
  "notes.idSeparator": ", ",
  "notes.linesHeld":
    "El pago de la propuesta #{proposalId} (lote {chunk} de {chunkCount}) se ha realizado salvo {count, plural, one {# línea} other {# líneas}} cuya transferencia rechazó el token: {listed}. El distribuidor guarda cada importe para su destinatario, que puede reclamarlo a una de sus carteras con `/payout claim`; tras el periodo de reclamación, un moderador puede devolverlo a la tesorería con `/payout return`.",
  "notes.heldLineReturned":
    "La línea retenida #{id} (propuesta #{proposalId}, {amount} para {recipient}) ha vuelto a la tesorería {to} en la transacción {txHash}.",
  "notes.heldLinePaid":
    "La línea retenida #{id} (propuesta #{proposalId}, {amount}) {how, select, claimed {la ha reclamado su destinatario} other {la ha redirigido el propietario del distribuidor}} y se ha pagado a {to} en la transacción {txHash}.",
  "notes.juryDisagrees":
    "El jurado ciego no coincide con el modelo en la época {epochNumber}: concordancia de {spearman} (Spearman), por debajo del mínimo de {minAgreement}.",
  "notes.juryHeld":
    " Retenidas para tu revisión, sin pagar nada hasta que se aprueben: {ids} (`/evaluation clear` o `/evaluation override`).",
  "notes.juryNoneHeld":
    " No se ha retenido ninguna evaluación de la muestra (las puntuaciones del jurado se acercaban a las del modelo en cada una, o ya la revisó una persona).",
  "notes.juryPaid": " Se ha pagado la puntuación del jurado en lugar de la del modelo: {ids}.",
  "notes.juryCheck": " Revisa el reparto #{proposalId} antes de que se vote.",
  "notes.relayRefused":
    "No se ha enviado {relay, select, claim {la reclamación} other {la devolución}} de la línea retenida #{id} (propuesta #{proposalId}, {amount} para {recipient}): {reason}. La línea sigue retenida; su destinatario puede volver a reclamarla con `/payout claim line:{id}`.",
  "notes.chainRefused": "la cadena la rechazó",
  "notes.nodeChallengesFailed":
    "⚠️ El nodo #{nodeId} no superó {failures, plural, one {su último desafío de capacidad} other {sus últimos # desafíos de capacidad}}: no puede demostrar la capacidad que declaró su proveedor, así que solo gana la tarifa de CPU. Conviene revisar `/node show id:{nodeId}` y preguntar a su proveedor.",
  "notes.post.posted": " Está publicado en {channel}.",
  "notes.post.inAMoment": " Se publicará en {channel} en un momento.",
  "notes.post.queued":
    " Se publicará en {channel} en breve: {aheadCount, plural, one {# publicación espera} other {# publicaciones esperan}} antes por el límite de velocidad de Discord.",
  "notes.post.refused":
    " Está guardado, pero no he podido publicarlo en {channel}: {reason}. Lo publicaré por mi cuenta en cuanto se solucione; los moderadores ven lo que está pendiente con `/steward status`.",
  "notes.kind.contribution": "contribución",
  "notes.kind.evaluation": "evaluación de la publicación de la contribución",
  "notes.kind.appeal": "apelación",
  "notes.kind.proposal": "propuesta",
  "notes.kind.result": "resultado de la propuesta",
  "notes.kind.receipt": "recibo de pago de la propuesta",
  "notes.kind.safeBatch": "archivo Safe del lote de pago",
  "notes.kind.note": "nota a los moderadores",
  "notes.kind.compute": "mensaje de cómputo",
  "notes.kind.reminder": "recordatorio de votación",
  "notes.kind.reminderDm": "MD de recordatorio de votación",
  "notes.kind.epochReminder": "recordatorio de época",
  "notes.kind.githubDraft": "borrador de contribución de un PR fusionado",
  "notes.failing.line": "- {what} en {channel}: {reason}",
  "notes.failing.lineOf": "- {what} #{id} en {channel}: {reason}",
  "notes.failing":
    "No he podido publicar {count, plural, one {esto} other {estas # publicaciones}} tras varios intentos:\n{lines}\nSoluciónalo y {count, plural, one {lo publicaré} other {las publicaré}} por mi cuenta; `/steward status` muestra todo lo pendiente.",
} as const satisfies CatalogOf<typeof source>;
