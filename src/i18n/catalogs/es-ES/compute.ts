import type { CatalogOf } from "../catalogOf.ts";
import type { compute as source } from "../en/compute.ts";

export const compute = {
  "compute.separator": ", ",
  "compute.none": "ninguno",
  "compute.percent": "{value} %",
  "compute.nodeStatus":
    "{status, select, pending {pendiente} online {en línea} offline {desconectado} retired {retirado} other {{status}}}",
  "compute.leaseStatus":
    "{status, select, awaiting_approval {pendiente de aprobación} offered {ofrecido} declined {rechazado} active {activo} ended {terminado} other {{status}}}",
  "compute.perHour": "{price} por hora de {unit, select, gpu {GPU} other {CPU}}",
  "compute.hardware": "{gpu}, {coreCount, plural, one {{cores} núcleo} other {{cores} núcleos}}, {ramGb} GB de RAM",
  "compute.hardware.gpu": "{gpuCount} × {model} ({vramGb} GB)",
  "compute.hardware.noGpu": "sin GPU",
  "compute.leaseTerms": "{gpuCount} GPU × {hours} h en el nodo #{nodeId} **{nodeName}** a {price} por hora de GPU",

  "compute.nodeLine":
    "{icon} **#{nodeId}** {name} · {hardware} · {region} · {price}/h de {unit, select, gpu {GPU} other {CPU}} · <@{providerId}>",
  "compute.nodeList.embedTitle": "{scope, select, mine {Tus nodos} other {Todos los nodos}}",
  "compute.nodeList.filtered.embedTitle": "{scope, select, mine {Tus nodos} other {Todos los nodos}} ({filters})",
  "compute.nodeList.filter.gpu": "GPU: {gpu}",
  "compute.nodeList.filter.region": "región: {region}",
  "compute.nodeList.emptyMine":
    "Aún no tienes nodos aquí. Ejecuta `steward node-agent` en la máquina y después `/node register`.",
  "compute.nodeList.emptyAll": "Ningún nodo coincide.",
  "compute.nodeList.footer": "Página {page} de {pages} · {total} en total",

  "compute.node.embedTitle": "{icon} Nodo #{nodeId} · {name}",
  "compute.node.provider.fieldName": "Proveedor",
  "compute.node.status.fieldName": "Estado",
  "compute.node.price.fieldName": "Precio",
  "compute.node.declared.fieldName": "Declarado",
  "compute.node.reported.fieldName": "Informado",
  "compute.node.proven.fieldName": "Comprobado",
  "compute.node.uptime.fieldName": "Disponibilidad",
  "compute.node.flags.fieldName": "Avisos",
  "compute.node.leases.fieldName": "Alquileres",
  "compute.node.earned.fieldName": "Ganado",
  "compute.node.key.fieldName": "Clave",
  "compute.node.lastSeen": "{status}, visto por última vez {seen}",
  "compute.node.price": "{perHour} · {region}",
  "compute.node.reported":
    "{gpus}, {coreCount, plural, one {{cores} núcleo} other {{cores} núcleos}}, {ramGb} GB de RAM, {os}",
  "compute.node.reportedGpu": "{name} ({gb} GB)",
  "compute.node.reportedNothing": "nada todavía (sin latidos)",
  "compute.node.lease": "#{leaseId} {status} · {gpuCount} GPU × {hours} h a {price}",
  "compute.node.leaseEnds": "#{leaseId} {status} · {gpuCount} GPU × {hours} h a {price} · termina {endsAt}",
  "compute.node.flagged": "⚠️ {shortfall} (recompensa limitada a la capacidad informada)",
  "compute.node.earned": "{amount} en distribuciones de época",
  "compute.node.shortfallNote":
    "⚠️ El último latido de tu nodo informa de menos de lo que declaraste: {shortfall}. Su recompensa se limita a lo que informa; arregla la máquina o cambia lo que ofreces con `/node update`.",
  "compute.node.notChallenged": "aún sin desafíos: su capacidad cobra la tarifa de CPU hasta que supere un desafío",
  "compute.node.challengePassed":
    "✅ desafío #{challengeId} {issuedAt} superado: {laneCount, plural, one {# carril} other {# carriles}} en {seconds} s",
  "compute.node.challengeFailed":
    "❌ desafío #{challengeId} {issuedAt} fallido ({failure, select, late {respondido fuera de plazo} unanswered {sin respuesta} wrong_lane {un carril comprobado era incorrecto} wrong_lane_count {número de carriles incorrecto} other {{failure}}}): su capacidad cobra la tarifa de CPU hasta que supere uno",
  "compute.uptime.sinceRegistration": "desde el registro ({registeredAt}): {percent}",
  "compute.uptime.day": "24 h: {percent}",
  "compute.uptime.week": "7 días: {percent}",
  "compute.uptime.epoch": "época {epochNumber}: {percent}",
  "compute.uptime.explained":
    "{windows}\n(la parte de cada periodo, contada desde el registro, que cubren los latidos firmados)",

  "compute.register.reply":
    "El nodo **#{nodeId}** está registrado y queda pendiente hasta su primer latido. En la máquina, mantén el agente en marcha con la clave que creó (añade `--key <file>` si le diste una):\n`npm run steward -- node-agent --api {api} --node {nodeId}`\n(en un clon de Steward; donde Steward esté instalado como paquete: `steward node-agent …`). Pasa a estar en línea con el primer latido firmado; sigue su estado con `/node show id:{nodeId}`.",
  "compute.register.noApiUrl": "<URL HTTP de Steward>",
  "compute.update.reply":
    "El nodo **#{nodeId}** ofrece ahora {perHour} en {region}. Los alquileres ya acordados mantienen su precio.",
  "compute.retire.reply":
    "El nodo **#{nodeId}** está retirado: a partir de ahora se rechazan sus latidos y sus alquileres activos han terminado (se pagan por lo entregado). Su clave puede servir para un nodo nuevo.",

  "compute.matches.header":
    "Solicitud de cómputo **#{requestId}**: las ofertas en línea que mejor encajan (puntuación sobre 100: disponibilidad, precio por debajo de tu máximo, región, especificaciones verificadas). Elige una para preguntar a su proveedor.",
  "compute.matches.line": "{position}. **nodo #{nodeId} {name}** · puntuación {score} · {reasons}",
  "compute.reason.uptime": "{percent} de disponibilidad en 7 días",
  "compute.reason.price": "{price} por hora de GPU (tu máximo: {maxPrice})",
  "compute.reason.regionAsked": "{region} (la región que pediste)",
  "compute.reason.regionNotAsked": "{region} (no {asked})",
  "compute.reason.flagged": "marcado: {shortfall}",
  "compute.reason.specsMatch": "las especificaciones informadas coinciden con las declaradas",
  "compute.matches.agent": "**El agente:** {explanation}",
  "compute.choose.button": "Elegir el nodo #{nodeId}",
  "compute.lease.approve.button": "Aprobar alquiler",
  "compute.lease.accept.button": "Aceptar",
  "compute.lease.decline.button": "Rechazar",
  "compute.choose.awaitingApproval":
    "Alquiler **#{leaseId}**: {terms}. Un moderador aprueba primero los alquileres de este tamaño; justo después se pregunta al proveedor.",
  "compute.choose.asked": "Alquiler **#{leaseId}**: {terms}. Se ha preguntado a <@{providerId}> en #{channel}.",
  "compute.choose.already": "Ya elegiste para la solicitud #{requestId}: alquiler **#{leaseId}** ({status}).",
  "compute.lease.approved": "<@{actorId}> ha aprobado el alquiler **#{leaseId}** ({terms}).",
  "compute.lease.accepted":
    "✅ <@{actorId}> ha aceptado el alquiler **#{leaseId}**: {terms}, desde {from} hasta {until}. <@{requesterId}>, tu cómputo está listo.",
  "compute.lease.declined":
    "<@{actorId}> ha rechazado el alquiler **#{leaseId}**. <@{requesterId}>, vuelve a pedirlo con `/compute request` para ver otras ofertas.",
  "compute.leases.none": "No tienes alquileres. Pide cómputo con `/compute request`.",
  "compute.leases.line":
    "**#{leaseId}** {status} · {role, select, requester {alquilas} other {<@{requesterId}> alquila}} {terms} {when} · «{purpose}»",
  "compute.leases.ended": "terminó {at}",
  "compute.leases.ends": "termina {at}",
  "compute.end.reply": "El alquiler **#{leaseId}** ha terminado. Se paga a prorrata al cierre de la época.",

  "compute.notice.nodeRegistered":
    "🖥️ <@{providerId}> ha registrado el nodo **#{nodeId} {name}**: {hardware}, {region}, {perHour}. Pendiente hasta el primer latido de su agente.",
  "compute.notice.nodeRetired": "⚫ <@{actorId}> ha retirado el nodo **#{nodeId} {name}**.",
  "compute.notice.nodeOffline": "🔴 El nodo #{nodeId} **{name}** está desconectado: sin latidos desde {since}.",
  "compute.notice.nodeOnline": "🟢 El nodo #{nodeId} **{name}** está en línea.",
  "compute.notice.nodeOnlineFirst": "🟢 El nodo #{nodeId} **{name}** está en línea (su primer latido).",
  "compute.notice.nodeShortfall":
    "⚠️ Las especificaciones que informa el nodo #{nodeId} no llegan a lo declarado: {shortfall}. Su recompensa se limita a la capacidad que informa mientras eso no cambie.",
  "compute.notice.leaseAwaitingApproval":
    "El alquiler **#{leaseId}** espera la aprobación de un moderador antes de preguntar a <@{providerId}>: <@{requesterId}> quiere {terms} para «{purpose}».",
  "compute.notice.leaseOffered":
    "<@{providerId}>, <@{requesterId}> pide {terms} para «{purpose}». Acepta para empezar ya el alquiler **#{leaseId}**; se paga por el tiempo que tu nodo esté en línea durante él.",
  "compute.notice.leaseEndedEarly":
    "<@{actorId}> ha terminado antes de tiempo el alquiler **#{leaseId}**; se paga por lo que el nodo ha entregado hasta ahora. <@{otherId}>",
  "compute.notice.leaseEnded":
    "El alquiler #{leaseId} en el nodo #{nodeId} ha terminado: {delivered} de {agreed} horas de GPU entregadas, {amount} para <@{providerId}> al cierre de la época. <@{requesterId}>",
  "compute.notice.leaseNodeOffline":
    "⚠️ <@{requesterId}>, <@{providerId}>: el nodo #{nodeId} **{nodeName}** está desconectado desde {since}, durante el alquiler #{leaseId} (solo se paga el tiempo que estuvo en línea).",
  "compute.notice.noFailover":
    "Ahora mismo ninguna otra oferta en línea cubre las {hours} h restantes; el alquiler continúa si el nodo vuelve.",
  "compute.notice.failover":
    "Para continuar las {hours} h restantes, {offerCount, plural, one {la siguiente mejor oferta en línea es} other {las siguientes mejores ofertas en línea son}}: {offers}. Elegir una termina el alquiler #{leaseId} en cuanto su proveedor acepte.",
  "compute.notice.failoverOffer": "nodo #{nodeId} **{name}** (puntuación {score}: {reasons})",
  "compute.notice.offerSeparator": "; ",
  "compute.note.leaseNeedsApproval":
    "El alquiler #{leaseId} ({terms}) cuesta más de lo que permite LEASE_APPROVAL_ABOVE: apruébalo en #{channel}.",
  "compute.shortfall.noGpu": "no informa de ninguna GPU; se declararon {declared} × {model}",
  "compute.shortfall.otherGpu": "informa de {reported}, no de la {model} declarada",
  "compute.shortfall.gpuCount": "informa de {reported} × {model}; se declararon {declared}",
  "compute.shortfall.vram": "informa de {reportedGb} GB de VRAM por GPU; se declararon {declaredGb} GB",
  "compute.shortfall.cpuCores": "informa de {reported} núcleos de CPU; se declararon {declared}",
  "compute.shortfall.ram": "informa de {reportedGb} GB de RAM; se declararon {declaredGb} GB",
  "compute.shortfall.separator": "; ",
  "compute.miss.offline": "desconectado",
  "compute.miss.retired": "retirado",
  "compute.miss.gpuModel": "{offered}, no {wanted}",
  "compute.miss.noGpu": "sin GPU, no {wanted}",
  "compute.miss.vram": "{vramGb} GB de VRAM por GPU, menos de {minVramGb}",
  "compute.miss.freeGpus": "{free, plural, one {# GPU libre} other {# GPU libres}}, se piden {wanted}",
  "compute.miss.price": "{price} por hora de GPU, más de {maxPrice}",
  "compute.miss.separator": ", ",
  "compute.miss.nearest": "nodo #{nodeId} {name}: {misses}",
} as const satisfies CatalogOf<typeof source>;
