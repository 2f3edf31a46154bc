import type { CatalogOf } from "../catalogOf.ts";
import type { proposal as source } from "../en/proposal.ts";

export const proposal = {
  "proposal.status.draft": "Borrador: aún no está abierta a votación",
  "proposal.status.open": "Abierta a votación",
  "proposal.status.passed": "Aprobada",
  "proposal.status.rejected": "Rechazada",
  "proposal.status.expired": "Caducada: no se alcanzó el cuórum",
  "proposal.status.awaitingApproval": "Aprobada · pendiente de la aprobación de un moderador",
  "proposal.status.approved": "Autorizada · pendiente de liquidación",
  "proposal.status.vetoed": "Vetada por un moderador",
  "proposal.status.settling": "Liquidándose en cadena",
  "proposal.status.settled": "Liquidada",
  "proposal.status.failed": "La liquidación falló",

  "proposal.votingType.basic": "básica (A favor / En contra / Abstención)",
  "proposal.votingType.singleChoice": "de opción única",
  "proposal.votingType.approval": "por aprobación (elige cuantas quieras)",
  "proposal.votingType.weighted": "ponderada (reparte tus puntos)",
  "proposal.votingType.quadratic":
    "cuadrática (reparte tus puntos; el peso de cada opción cuenta como su raíz cuadrada)",
  "proposal.votingType.rankedChoice": "por orden de preferencia (segunda vuelta instantánea)",

  "proposal.quorum.legacyShare": "{needed} — el {spec} de los {eligible} de peso con derecho a voto",
  "proposal.quorum.legacy": "{needed} de {eligible} de peso con derecho a voto",
  "proposal.quorum.votes":
    "hacen falta {votes, number} de {members, plural, one {# {group, select, active {miembro activo} voters {miembro con rol de votante} other {miembro}}} other {# {group, select, active {miembros activos} voters {miembros con rol de votante} other {miembros}}}}{share, select, yes { ({spec})} other {}}",
  "proposal.quorum.weight":
    "hace falta un peso de {needed} de los {held} que tienen {members, plural, one {# {group, select, active {miembro activo} voters {miembro con rol de votante} other {miembro}}} other {# {group, select, active {miembros activos} voters {miembros con rol de votante} other {miembros}}}}{share, select, yes { ({spec})} other {}}",
  "proposal.quorum.line": "Cuórum: {quorum}",
  "proposal.quorum.activeSince":
    "Activos: han contribuido, propuesto o votado desde {since}; pueden votar los {eligible, number} miembros con derecho a voto",
  "proposal.quorum.activeSoFar":
    "Activos: han contribuido, propuesto o votado hasta ahora; pueden votar los {eligible, number} miembros con derecho a voto",

  "proposal.motivation.fieldName": "Motivación",
  "proposal.specification.fieldName": "Especificación",
  "proposal.budget.fieldName": "Presupuesto solicitado",
  "proposal.risks.fieldName": "Riesgos",
  "proposal.successMetrics.fieldName": "Indicadores de éxito",
  "proposal.none": "ninguno",
  "proposal.draft.budget": "{amount} {symbol} para {recipient}",
  "proposal.draft.footer":
    "Borrador n.º {id} · redactado por {drafter, select, llm {el agente de IA} other {la plantilla sin conexión}} · solo lo ves tú",
  "proposal.draft.edit.button": "Editar",
  "proposal.draft.submit.button": "Enviar",
  "proposal.draft.cancel.button": "Cancelar",
  "proposal.draft.intro":
    "Aquí tienes el borrador de tu propuesta. Edítalo si hace falta y después pulsa Enviar para presentarlo como borrador a la DAO, o Cancelar.",
  "proposal.edit.modalTitle": "Editar el borrador n.º {id}",
  "proposal.edit.title.inputLabel": "Título",
  "proposal.edit.summary.inputLabel": "Resumen",
  "proposal.edit.motivation.inputLabel": "Motivación",
  "proposal.edit.specification.inputLabel": "Especificación",
  "proposal.edit.budget.inputLabel": "Presupuesto: importe y dirección 0x, o nada",

  "proposal.drafting": "Redactando tu propuesta…",
  "proposal.draft.cancelled": "Borrador de propuesta n.º {id} cancelado. No se ha enviado nada.",
  "proposal.draft.submitted":
    "La propuesta n.º {id} «{title}» se ha guardado como borrador de propuesta {kind, select, funding {de financiación} general {general} distribution {de reparto} policy {de política} other {{kind}}}.{posted} Un moderador la abrirá a votación.",

  "proposal.kind":
    "{kind, select, distribution {reparto} funding {financiación} general {general} policy {política} other {otra}}",
  "proposal.post.embedTitle": "Propuesta n.º {id} · {title}",
  "proposal.post.status.fieldName": "Estado",
  "proposal.post.kind.fieldName": "Tipo",
  "proposal.post.proposedBy.fieldName": "Propuesta por",
  "proposal.post.byEpochClose": "Steward (cierre de época)",
  "proposal.post.computed.fieldName": "Cómo se calculó",
  "proposal.post.draft.footer": "Un moderador la abre a votación",
  "proposal.post.footer": "Propuesta n.º {id}",
  "proposal.post.openVote.button": "Abrir votación (moderadores)",
  "proposal.post.budgetTo": "{amount} para {recipient}",
  "proposal.post.budgetNoAddress": "{amount} sin dirección indicada",
  "proposal.post.payouts.fieldName": "Pagos",
  "proposal.post.carriedRewards":
    "{count, plural, one {una recompensa arrastrada} other {# recompensas arrastradas}} de una época anterior",
  "proposal.post.payoutsTotal.fieldName": "Pagos ({count}) · total {total}",
  "proposal.post.payoutsInAll": "… y {count} en total",
  "proposal.post.nodeRef": "nodo n.º {id}",
  "proposal.post.leaseRef": "alquiler n.º {id}",
  "proposal.post.batchHash.fieldName": "Hash del lote (la votación lo fija)",
  "proposal.post.batchHashLater": "se calcula al abrir la votación",
  "proposal.post.anchor.fieldName": "Cabeza de la cadena de auditoría al cierre",
  "proposal.post.carried.fieldName": "Pasa a la siguiente época (sin cartera verificada)",
  "proposal.post.anchorHead": "evento n.º {eventId} · `{hash}`",
  "proposal.post.anchorPending": "Se publicará en cadena en la próxima liquidación.",
  "proposal.post.anchored": "Anclado en la cadena {chainId} en el bloque {block} (tx {tx}).",
  "proposal.post.voting.fieldName": "Votación",
  "proposal.post.type": "Tipo: {type}",
  "proposal.post.weight": "Peso: {strategy}",
  "proposal.post.weightAtBlock": "Peso: {strategy} en el bloque {block}",
  "proposal.post.passThreshold": "Se aprueba si A favor supera el {percent} % de A favor + En contra",
  "proposal.post.ends": "Termina {relative} ({full})",
  "proposal.post.ended": "Terminó el {full}",
  "proposal.post.tally.fieldName":
    "{open, select, yes {Recuento en directo} other {Recuento final}} · {count, plural, one {{voters} votante} other {{voters} votantes}} · peso {weight}",
  "proposal.post.conflicted.fieldName":
    "{binding, select, all {Sin {count, plural, one {el voto} other {los # votos}} de quienes reciben pagos (a título informativo)} other {Con {count, plural, one {el voto} other {los # votos}} de quienes reciben pagos (no vinculante: EXCLUDE_CONFLICTED_VOTES)}}",
  "proposal.post.outcomeThatWay":
    "Resultado así: {status, select, passed {aprobada} rejected {rechazada} expired {caducada} other {{status}}}",

  "proposal.result.embedTitle": "Propuesta n.º {id} · {status}",
  "proposal.result.turnout":
    "{count, plural, one {{voters} votante} other {{voters} votantes}}, peso {weight}; cuórum de {quorum} {reached, select, yes {alcanzado} other {no alcanzado}}.",
  "proposal.result.tie": "Las opciones más votadas han empatado, así que no ha ganado ninguna.",
  "proposal.result.leading": "Opción en cabeza: **{choice}**.",
  "proposal.result.tally.fieldName": "Recuento",
  "proposal.result.withoutRecipients.fieldName": "Sin los votos de quienes reciben pagos (a título informativo)",
  "proposal.result.withRecipients.fieldName": "Con los votos de quienes reciben pagos (no vinculante)",
  "proposal.result.payout.fieldName": "Pago",
  "proposal.result.payout": "{total} · lote `{batch}`",
  "proposal.result.approval.fieldName": "Aprobación de moderadores",
  "proposal.result.vetoed": "Vetada por {moderator}: {reason}",
  "proposal.result.autoApproved":
    "Aprobada automáticamente: el total está por debajo del límite de aprobación automática.",
  "proposal.result.approvals": "{count} de {required} aprobaciones",
  "proposal.result.approvalsBy": "{count} de {required} aprobaciones: {moderators}",
  "proposal.result.settlement.fieldName": "Liquidación",
  "proposal.result.cannotBeApproved.fieldName": "⚠ Este pago no se puede aprobar tal como está",
  "proposal.result.cannotBeApproved":
    "Necesita {required} aprobaciones, pero solo {possible, plural, one {# moderador puede} other {# moderadores pueden}} aprobarlo{paid, plural, =0 {} one { (# recibe dinero de este pago, y nadie aprueba su propio pago)} other { (# reciben dinero de este pago, y nadie aprueba su propio pago)}}. Da el rol de moderador a otro miembro o recházalo.",
  "proposal.result.policy.fieldName": "Política de evaluación",
  "proposal.result.policyAdopted":
    "Adoptada como política v{version}: las evaluaciones la siguen a partir de la época {epoch}; las de esta época conservan su versión. Esta votación no paga nada.",
  "proposal.result.policyNotAdopted":
    "No adoptada: las evaluaciones siguen con la política v{version} (o la que adopte una votación posterior).",
  "proposal.result.rewards.fieldName": "Qué pasa con las recompensas",
  "proposal.result.rewardsReturn":
    "Por ahora no se paga nada. Las contribuciones y los saldos arrastrados de este reparto vuelven a la época abierta: el próximo cierre de época los vuelve a incluir en el borrador, con los ajustes o liberaciones que hagan los moderadores mientras tanto.",
  "proposal.result.approve.button": "Aprobar el pago",
  "proposal.result.reject.button": "Rechazar",
  "proposal.result.notPaid": "No pagado: {reason}",
  "proposal.result.settlementRefused": "liquidación rechazada",
  "proposal.result.paid":
    "Pagado en cadena en {count, plural, one {# transacción} other {# transacciones}}: {transactions}",
  "proposal.result.chunksFailed": "Pagándose; {failed} bloque(s) fallaron y esperan a un moderador: {reasons}",
  "proposal.result.chunksConfirmed": "Pagándose: {confirmed} de {chunks} bloque(s) confirmados.",
  "proposal.reject.modalTitle": "Rechazar pago de la propuesta n.º {id}",
  "proposal.reject.reason.inputLabel": "Motivo (se registra y lo ven los miembros)",

  "proposal.open.ballotIn": " La papeleta está en su mensaje en {channel}.",
  "proposal.open.opened":
    "La propuesta n.º {id} está abierta a votación hasta el {until} (votación {type, select, basic {básica} single_choice {de opción única} approval {por aprobación} weighted {ponderada} quadratic {cuadrática} ranked_choice {por orden de preferencia} other {{type}}}, cuórum: {quorum}).{ballot}",
  "proposal.show.yourVote": "Tu voto: **{vote}** (peso {weight}).",
  "proposal.show.notVoted": "Aún no has votado esta propuesta: usa la papeleta de su mensaje en {channel}.",
  "proposal.show.status": "Estado: {status}.",
  "proposal.drafts.none": "No tienes borradores de propuesta pendientes: empieza uno con `/propose idea:…`.",
  "proposal.drafts.others": "Tus otros borradores: {drafts} (vuelve a abrir uno con `/proposal drafts draft:<id>`).",
} as const satisfies CatalogOf<typeof source>;
