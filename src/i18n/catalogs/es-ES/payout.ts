import type { CatalogOf } from "../catalogOf.ts";
import type { payout as source } from "../en/payout.ts";

export const payout = {
  "payout.receipt.content": "Pagado: propuesta #{id} «{title}».",
  "payout.receipt.embedTitle": "Recibo · propuesta #{id}",
  "payout.receipt.lineHeld":
    "{who} · {amount} · **retenido**: el token rechazó la transferencia; su titular lo reclama con `/payout claim line:{line}`",
  "payout.receipt.more": "… y {count} más (consulta `/payout status proposal:{id}`).",
  "payout.receipt.unknownTransaction": "(desconocida)",
  "payout.receipt.total.fieldName": "Importe total",
  "payout.receipt.total": "{amount} para {count, plural, one {# destinatario} other {# destinatarios}}",
  "payout.receipt.totalWithHeld":
    "{amount} para {count, plural, one {# destinatario} other {# destinatarios}}; {heldAmount} de ello queda retenido para {heldCount, plural, one {# destinatario cuya transferencia falló} other {# destinatarios cuyas transferencias fallaron}}, hasta que lo reclamen",
  "payout.receipt.transactions.fieldName": "{count, plural, one {Transacción} other {Transacciones}}",
  "payout.receipt.batch.fieldName": "Lote",
  "payout.safeBatch":
    "La propuesta #{id}, tramo {index} de {count}, está lista para la Safe `{treasury}`: importa el archivo adjunto en el Transaction Builder de la Safe, revísalo, fírmalo y ejecútalo. Steward registra el pago y publica el recibo en cuanto el evento Settled del distribuidor para el lote `{batchId}` esté en la cadena; `/payout status proposal:{id}` permite seguirlo.",
  "payout.status.head":
    "La **propuesta #{id}** «{title}» está {status, select, draft {en borrador} open {abierta} passed {aprobada en votación} rejected {rechazada} expired {caducada} awaiting_approval {pendiente de aprobación} approved {aprobada} vetoed {vetada} settling {liquidándose} settled {liquidada} failed {fallida} other {{status}}}.",
  "payout.status.waitsForSettle": "{head} Está aprobada y la tarea de liquidación la paga en su próxima ejecución.",
  "payout.status.waitsForChain":
    "{head} Está aprobada; aquí no hay ninguna cadena configurada para pagos, así que espera.",
  "payout.status.notPaid": "{head} No se ha pagado: {reason}.",
  "payout.status.settlementRefused": "liquidación rechazada",
  "payout.status.nothingPaid": "{head} No se ha pagado nada por ella.",
  "payout.status.chunk":
    "Tramo {index} de {count}: {lines, plural, one {# línea} other {# líneas}}, {amount} — {step}{details}",
  "payout.status.step":
    "{status, select, planned {planificado} signed {firmado, a punto de enviarse} broadcast {enviado, esperando a ser minado} mined {minado, esperando confirmaciones} confirmed {pagado} failed {fallido} awaiting_execution {exportado para la Safe, esperando su ejecución} other {{status}}}",
  "payout.status.confirmations": " ({confirmations} de {required} confirmaciones)",
  "payout.status.stuck": " — atascado: {reason}",
  "payout.status.retry":
    "Un moderador puede volver a pagar los tramos fallidos cuando se haya corregido la causa: `/payout retry proposal:{id}`.",
  "payout.held.line": "línea retenida #{id}: {amount} para `{recipient}` — {where}{problem}",
  "payout.held.lineNumbered": "línea retenida #{id} (línea {line}): {amount} para `{recipient}` — {where}{problem}",
  "payout.held.state":
    "{status, select, held {retenida} claim_signed {reclamación firmada, se envía en la próxima liquidación} return_asked {volviendo a la tesorería} sent {reclamación o devolución en camino a la cadena} claimed {reclamada} redirected {redirigida por el propietario del distribuidor} returned {devuelta a la tesorería} other {{status}}}",
  "payout.held.paidTo": "{state}, pagada a `{paidTo}`",
  "payout.held.claimIt": "retenida: su titular la reclama con `/payout claim line:{id}`",
  "payout.held.problem": " (último intento: {problem})",
  "payout.history.noWallet":
    "No tienes ninguna cartera vinculada, así que no se te ha pagado nada. `/wallet link` vincula una.",
  "payout.history.none": "Todavía no se ha pagado nada a tus carteras.",
  "payout.history.paid": "Has recibido {amount} en {count, plural, one {# pago} other {# pagos}}:",
  "payout.history.paidSomeHeld":
    "Has recibido {amount} en {count, plural, one {# pago} other {# pagos}} ({held} más retenidos o devueltos):",
  "payout.history.row": "{date} · {amount} · propuesta #{id} «{title}»",
  "payout.history.held": "**retenido** (la transferencia falló): reclámalo con `/payout claim line:{id}`",
  "payout.history.heldLine": "línea retenida #{id}: {state}",
  "payout.history.heldLineTo": "línea retenida #{id}: {state} a `{paidTo}`",
  "payout.history.more": "… y {count, plural, one {# pago anterior} other {# pagos anteriores}}.",
  "payout.claim.giveLine": "Indica el número de línea junto con la firma: `/payout claim line:<n> signature:…`.",
  "payout.claim.nothingHeld":
    "No hay nada retenido para ti: todos los pagos a tus carteras vinculadas se completaron (`/payout history` los muestra).",
  "payout.claim.list":
    "El distribuidor retiene {count, plural, one {# línea de pago} other {# líneas de pago}} para ti: el token rechazó la transferencia a esa cartera, así que el importe te espera en la cadena.",
  "payout.claim.row": "{line} · propuesta #{id}",
  "payout.claim.how": "Ejecuta `/payout claim line:<n>` para que se pague una a tu cartera vinculada.",
  "payout.claim.sign":
    "Línea retenida #{id}: {amount} para `{recipient}`. Para que se pague a tu cartera vinculada `{to}`, firma esta reclamación con `{recipient}` (datos tipados EIP-712, p. ej. `eth_signTypedData_v4` en tu cartera) y ejecuta `/payout claim line:{id} signature:<la firma 0x…>` antes de {deadline}.",
  "payout.claim.sameWallet":
    "Tu cartera vinculada es la misma cuya transferencia falló: si el token vuelve a rechazarla, vincula primero otra con `/wallet link` y vuelve a pedirlo.",
  "payout.claim.queued":
    "Tu reclamación de la línea retenida #{id} está firmada y el distribuidor la acepta: Steward la envía en la próxima liquidación y paga a `{to}`. `/payout claim` muestra en qué punto está.",
  "payout.claim.sendIt":
    "Tu reclamación de la línea retenida #{id} es válida en la cadena. Steward no tiene aquí ninguna clave (la tesorería es una Safe), así que envíala desde cualquier cartera: solo puede pagar a `{to}`:",
  "payout.return.queued": "La línea retenida #{id} vuelve a la tesorería `{treasury}` en la próxima liquidación.",
  "payout.return.sendIt":
    "La línea retenida #{id} puede volver a la tesorería `{treasury}`: el propietario del distribuidor (la Safe) envía esta transacción:",
  "payout.retry.done":
    "{count, plural, one {# tramo fallido} other {# tramos fallidos}} de la propuesta #{id} se volverán a pagar ahora (cada uno como mucho una vez: la cadena rechaza un tramo que ya pagó). `/payout status proposal:{id}` permite seguirlo.",
  "payout.approve.approvedPaying":
    "Has aprobado la propuesta #{id}: {approvals} de {required} aprobaciones, así que está **aprobada**: se está pagando en la cadena ahora; el recibo llegará al canal de pagos.",
  "payout.approve.approvedWaiting":
    "Has aprobado la propuesta #{id}: {approvals} de {required} aprobaciones, así que está **aprobada**: aquí no hay ninguna cadena configurada para pagos, así que espera a que la haya.",
  "payout.approve.counted": "Has aprobado la propuesta #{id}: {approvals} de {required} aprobaciones por ahora.",
  "payout.reject.done":
    "Has rechazado la propuesta #{id}: queda **vetada** y no se pagará. Tu motivo queda registrado y se muestra en su resultado.",
  "payout.failure.amountUnpackable":
    "una línea de este tramo no se puede pagar: el importe {amount} no se puede empaquetar",
  "payout.failure.paysContract":
    "la línea {line} de este tramo paga a {recipient}, el propio contrato distribuidor o del token: el importe quedaría bloqueado",
  "payout.failure.treasuryShort":
    "la tesorería {treasury} tiene {balance} y este tramo necesita {needed} (unidades mínimas)",
  "payout.failure.allowanceShort":
    "la tesorería autoriza al distribuidor {allowance} y este tramo necesita {needed}: aprueba más",
  "payout.failure.chainRefused": "la cadena rechazó la transacción",
  "payout.failure.settledOtherLines":
    "el id de lote {batchId} se liquidó en la cadena con la transacción {txHash} con otras líneas distintas de las de este tramo (hash de líneas {linesHash}): este tramo no se pagó como se votó; revisa esa transacción antes que nada",
  "payout.failure.reverted": "la transacción {txHash} se revirtió en la cadena en el bloque {block}",
  "payout.failure.nonceTaken": "otra transacción usó el nonce {nonce} de la tesorería; este tramo no se pagó",
  "payout.failure.txGone": "la transacción {txHash}, que pagó este tramo, ya no está en la cadena",
  "payout.stuck.plannedChunk": "propuesta #{id}, tramo {chunk} ({settings})",
  "payout.stuck.plannedElsewhere":
    "la liquidación está detenida: {count, plural, one {# tramo de pago sin terminar se planificó} other {# tramos de pago sin terminar se planificaron}} para otra cadena, otro token u otro distribuidor distintos de los que indican ahora los ajustes ({now}): {listed}. Pagarlos con los nuevos ajustes podría pagar sus importes en otro token o pagar un tramo dos veces; vuelve a poner esos ajustes hasta que estén pagados",
  "payout.heldProblem.reverted": "la transacción {txHash} se revirtió en la cadena",
  "payout.heldProblem.claimExpired": "la firma de la reclamación caducó antes de que pudiera enviarse",
} as const satisfies CatalogOf<typeof source>;
