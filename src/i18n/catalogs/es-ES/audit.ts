import type { CatalogOf } from "../catalogOf.ts";
import type { audit as source } from "../en/audit.ts";

export const audit = {
  "audit.subject":
    "{kind, select, transaction {la transacción {key}} proposal {la propuesta #{key}} contribution {la contribución #{key}} other {el nodo #{key}}}",
  "audit.path.embedTitle": "Traza de auditoría: {subject}",
  "audit.lines.embedTitle": "Traza de auditoría: {subject} — pagos {from}–{to} de {total}",
  "audit.footer": "Traza de {subject} · página {page} de {pages} · compruébalo todo: steward audit verify",
  "audit.path.transaction": "**① Transacción** {tx} — {status}",
  "audit.path.transactionInBlock": "**① Transacción** {tx} — {status} en el bloque {block}",
  "audit.path.chunk":
    "Tramo {index} de {count}: {lines, plural, one {# pago} other {# pagos}}, {amount} · id del lote `{batchId}…`",
  "audit.path.node": "**Nodo #{id} {name}** — {gpu}, {region}, {status}; proveedor {provider}",
  "audit.path.batch": "**② Lote** de la propuesta #{id} — hash `{hash}`",
  "audit.path.batchOfEpoch": "**② Lote** de la propuesta #{id} — hash `{hash}` (época {epoch})",
  "audit.path.noHash": "ninguno",
  "audit.path.proposal": "**③ Propuesta #{id}** {title} — {status}, de {author}",
  "audit.path.vote":
    "**④ Votación** ({type}) — {voters, plural, one {# votante} other {# votantes}}; quórum de {quorum} sobre {eligible} de peso con derecho a voto{quorumMet, select, yes {, alcanzado} no {, no alcanzado} other {}}",
  "audit.path.noTally": "Todavía no hay recuento.",
  "audit.path.conflictedExcluded":
    "{count, plural, one {# votante cobra} other {# votantes cobran}} en este lote: sus votos no contaron.",
  "audit.path.conflictedCounted":
    "{count, plural, one {# votante cobra} other {# votantes cobran}} en este lote (contados; se muestran aparte en la propuesta).",
  "audit.path.approvals": "**⑤ Aprobaciones** — {count}",
  "audit.path.approvalsBy": "**⑤ Aprobaciones** — {count}: {list}",
  "audit.path.approvalsOfRequired": "**⑤ Aprobaciones** — {count} de {required} necesarias",
  "audit.path.approvalsOfRequiredBy": "**⑤ Aprobaciones** — {count} de {required} necesarias: {list}",
  "audit.path.transactions": "**Transacciones** — {list}",
  "audit.path.anchored":
    "**Cabeza de la auditoría al cierre** — evento #{eventId} `{hash}…`, anclada en la cadena en el bloque {block}",
  "audit.path.notAnchored":
    "**Cabeza de la auditoría al cierre** — evento #{eventId} `{hash}…`, aún no anclada en la cadena",
  "audit.path.reasons":
    "**⑥ Motivos** — {count, plural, one {# línea de pago} other {# líneas de pago}} en {pages, plural, one {la página siguiente} other {las páginas siguientes}}.",
  "audit.chunkStatus":
    "{status, select, planned {planificado} signed {firmado} broadcast {enviado} mined {minado} confirmed {confirmado} failed {fallido} awaiting_execution {esperando ejecución} other {{status}}}",
  "audit.proposalStatus":
    "{status, select, draft {Borrador: aún no abierta a votación} open {Abierta a votación} passed {Aprobada en votación} rejected {Rechazada} expired {Caducada: no se alcanzó el quórum} awaiting_approval {Aprobada en votación · pendiente de aprobación de un moderador} approved {Aprobada · esperando la liquidación} vetoed {Vetada por un moderador} settling {Liquidándose en la cadena} settled {Liquidada} failed {Liquidación fallida} other {{status}}}",
  "audit.votingType":
    "{type, select, basic {básica (A favor / En contra / Abstención)} single_choice {opción única} approval {aprobación (elige cuantas quieras)} weighted {ponderada (reparte tus puntos)} quadratic {cuadrática (reparte tus puntos; el peso cuenta como su raíz cuadrada por opción)} ranked_choice {por orden de preferencia (segunda vuelta instantánea)} other {{type}}}",
  "audit.note.withdrawn": "Se retiró: no se paga nada por ella.",
  "audit.note.notInClosedEpoch":
    "Todavía no está en una época cerrada: la paga el reparto de la época en la que está, una vez votado.",
  "audit.note.carried":
    "Su autor no tenía ninguna cartera verificada cuando cerró la época {epoch}: su parte pasó al reparto de la época siguiente (se paga en cuanto vincule una cartera).",
  "audit.note.carriedPaid":
    "Su autor no tenía ninguna cartera verificada cuando cerró la época {epoch}: su parte se trasladó y se pagó con el reparto de una época posterior.",
  "audit.note.noShare": "Su época cerró sin ningún pago por ella (no tenía parte que pagar).",
  "audit.note.nodeUnpaid": "Todavía no ha ganado nada en ninguna época cerrada.",
  "audit.note.nodeLatestEpoch": "Se muestra la última época pagada del nodo.",
  "audit.note.notPaidYet":
    "Todavía no se ha pagado en la cadena: la propuesta está {status, select, draft {en borrador} open {abierta} passed {aprobada en votación} rejected {rechazada} expired {caducada} awaiting_approval {pendiente de aprobación} approved {aprobada} vetoed {vetada} settling {liquidándose} settled {liquidada} failed {fallida} other {{status}}}.",
  "audit.line": "**{recipient}** — {amount}",
  "audit.lineInChunk": "**{recipient}** — {amount} (tramo {chunk})",
  "audit.reason.uptime": "tiempo en línea del nodo #{id} {node}: {hours} h → {amount}",
  "audit.reason.lease": "alquiler #{leaseId} en el nodo #{nodeId} {node} → {amount}",
  "audit.reason.carry": "una recompensa trasladada de una época anterior (traslado #{id})",
  "audit.reason.contribution": "contribución #{id} «{title}» ({category}) de {author}, {when}",
  "audit.reason.noEvaluation": "ninguna evaluación vigente",
  "audit.evaluation":
    "evaluación #{id}: {evaluator}{model}, rúbrica v{rubric}, sha256 del prompt `{sha}…`, total {total}/100, confianza {confidence} %{details}",
  "audit.evaluation.policy": ", política v{version}",
  "audit.evaluation.scores": "puntuaciones: {scores}",
  "audit.evaluation.evidence": "pruebas: {quotes}",
  "audit.evaluation.flags": "señales: {flags}",
  "audit.evaluation.flagsCleared": "señales: {flags} (descartadas por una persona)",
  "audit.jury.notSampled": "jurado a ciegas: no seleccionada",
  "audit.jury.sampled": "jurado a ciegas: seleccionada (comparada con la evaluación #{id})",
  "audit.jury.sampledInEpoch": "jurado a ciegas: seleccionada en la época {epoch} (comparada con la evaluación #{id})",
  "audit.jury.notReviewed": "{drawn}, sin revisar",
  "audit.jury.reviewed":
    "{drawn}: {reviews, plural, one {# revisión} other {# revisiones}}, jurado {jury}/100 frente a modelo {model}/100; {scores}",
  "audit.jury.criterion": "{criterion} {jury} frente a {model}",
} as const satisfies CatalogOf<typeof source>;
