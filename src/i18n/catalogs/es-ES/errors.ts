import type { CatalogOf } from "../catalogOf.ts";
import type { errors as source } from "../en/errors.ts";

export const errors = {
  "errors.fieldName":
    "{field, select, title {título} description {descripción} link {enlace} reason {motivo} idea {idea} summary {resumen} budget {presupuesto} purpose {propósito} name {nombre} gpu_model {modelo de GPU} gpu_count {número de GPU} min_vram_gb {VRAM mínima (GB)} vram_gb {VRAM (GB)} cpu_cores {núcleos de CPU} ram_gb {RAM (GB)} region {región} motivation {motivación} specification {especificación} links {enlaces} other {{field}}}",
  "errors.status":
    "{status, select, submitted {enviado} evaluating {en evaluación} evaluated {evaluado} final {definitivo} withdrawn {retirado} open {abierto} accepted {aceptado} rejected {rechazado} draft {borrador} passed {aprobado en votación} expired {caducado} awaiting_approval {pendiente de aprobación} approved {aprobado} vetoed {vetado} settling {en liquidación} settled {liquidado} failed {fallido} offered {ofrecido} declined {declinado} active {activo} ended {finalizado} confirmed {confirmado} discarded {descartado} cancelled {cancelado} being_closed {cerrándose} other {{status}}}",
  "errors.field_empty": "El campo «{field}» está vacío. Escribe algo en él.",
  "errors.field_no_words":
    "El campo «{field}» no tiene palabras, solo signos de puntuación o símbolos. Escríbelo con palabras.",
  "errors.invalid_text":
    "El campo «{field}» contiene {problem, select, nul {un carácter NUL (\\0)} other {Unicode dañado (un sustituto suelto)}}, que no se puede guardar. Vuelve a escribirlo sin ese carácter.",
  "errors.field_too_long":
    "El campo «{field}» es demasiado largo: tiene {length} caracteres y se permiten como máximo {max}.",
  "errors.too_many_links": "Has dado {count} enlaces; se permiten como máximo {max}.",
  "errors.invalid_link": "`{link}` no es un enlace válido. Los enlaces deben empezar por http:// o https://.",
  "errors.invalid_hours":
    "{hours} no es un número de horas válido: indica un número entre 0,01 y {max} (las horas se guardan con dos decimales).",
  "errors.duplicate_submission":
    "Ya enviaste una contribución con este título hace menos de {windowSeconds} segundos (#{contributionId}). No se ha guardado nada nuevo.",
  "errors.contribution_not_found": "No hay ninguna contribución #{id} en este servidor.",
  "errors.not_evaluated_yet.withdrawn": "La contribución #{id} se retiró antes de ser evaluada.",
  "errors.not_evaluated_yet":
    "La contribución #{id} aún no se ha evaluado (estado: {status}). Las evaluaciones suelen tardar menos de un minuto.",
  "errors.not_contribution_author": "La contribución #{id} no es tuya: solo su autor puede retirarla.",
  "errors.contribution_not_withdrawable.withdrawn": "La contribución #{id} ya está retirada.",
  "errors.contribution_not_withdrawable":
    "La contribución #{id} ya no se puede retirar: el estado de su evaluación es {status}.",
  "errors.invalid_score": "{score} no es una puntuación válida: indica un número entero entre 0 y 100.",
  "errors.invalid_reward":
    "`{input}` no es una recompensa válida: indica una cantidad de tokens como 12.5 (con {decimals} decimales como máximo).",
  "errors.reward_above_cap": "Esa recompensa supera el límite de {max} por contribución.",
  "errors.field_empty_reason": "Indica un motivo: queda registrado y se muestra a quien hizo la contribución.",
  "errors.not_author_appeal": "Solo el autor de la contribución #{id} puede apelar su evaluación.",
  "errors.appeal_window_closed":
    "El plazo para apelar esta evaluación terminó <t:{closedAt}:R>. Si algo no está bien, consulta a un moderador.",
  "errors.appeal_exists":
    "Esta evaluación ya se apeló (apelación #{id}, {status}). Cada evaluación solo se puede apelar una vez.",
  "errors.appeal_not_found": "No existe la apelación #{id}.",
  "errors.appeal_resolved": "La apelación #{id} ya está resuelta (estado: {status}).",
  "errors.appeal_second_pass_pending":
    "La apelación #{id} aún no se puede aceptar: su segunda evaluación sigue en curso. El resultado se publicará cuando termine (o rechaza la apelación ahora).",
  "errors.proposal_draft_not_found": "No tienes ningún borrador de propuesta #{id}.",
  "errors.proposal_draft_closed":
    "El borrador de propuesta #{id} ya se {state, select, submitted {envió} cancelled {canceló} other {{state}}}.",
  "errors.invalid_budget.decimals":
    "`{input}`: el token tiene {decimals} decimales, así que una cantidad puede tener como máximo {decimals} cifras después del punto.",
  "errors.invalid_budget.zero":
    "`{input}`: una solicitud de presupuesto debe pedir más de 0 tokens (o deja el presupuesto vacío).",
  "errors.invalid_budget.too_large":
    "`{input}`: esa cantidad es mayor de lo que ningún token puede transferir (no cabe en 256 bits).",
  "errors.invalid_budget.format":
    "`{input}` no es una solicitud de presupuesto. Escribe la cantidad y la dirección del destinatario, p. ej. `500 0x1234…abcd`, o déjalo vacío.",
  "errors.invalid_days": "{days} no es un periodo válido: indica un número de días entre 1 y 365.",
  "errors.epoch_blocked_by_appeals":
    "La época no se puede cerrar mientras haya apelaciones abiertas: {appeals}. Acéptalas o recházalas primero.",
  "errors.invalid_address":
    "`{address}` no es una dirección de Ethereum válida. Debe ser 0x seguido de 40 caracteres hexadecimales (mezclando mayúsculas y minúsculas solo con una suma de verificación válida).",
  "errors.address_in_use":
    "`{address}` ya es la cartera vinculada de otro miembro de este servidor. Cada cartera solo puede pertenecer a un miembro.",
  "errors.no_pending_challenge":
    "No tienes ninguna vinculación de cartera en curso. Empieza con `/wallet link address:<tu dirección>`.",
  "errors.challenge_expired":
    "Esa firma corresponde a una solicitud de vinculación que caducó <t:{expiredAt}:R>. Vuelve a ejecutar `/wallet link` y firma el mensaje nuevo.",
  "errors.challenge_used":
    "Esa firma ya se usó: cada mensaje de vinculación solo sirve una vez. Vuelve a ejecutar `/wallet link` para obtener uno nuevo.",
  "errors.invalid_signature.format":
    "Eso no es una firma: pégala como 0x seguido de dígitos hexadecimales y nada más (la de una cartera normal es 0x y 130 caracteres hexadecimales).",
  "errors.invalid_signature.too_long":
    "Esa firma es demasiado larga: Steward acepta como máximo {max} caracteres. Pega solo la firma (0x…).",
  "errors.invalid_signature.length":
    "Esa no es una firma válida{hasAddress, select, yes { de `{address}`} other {}}: la firma de una cartera normal es 0x seguido de 130 caracteres hexadecimales (65 bytes; 128 en una compacta EIP-2098), y esta tiene {bytes} bytes.",
  "errors.invalid_signature.v":
    "Esa no es una firma válida{hasAddress, select, yes { de `{address}`} other {}}: su último byte (v) debe ser 1b o 1c (27 o 28), o 00 o 01. Pega la firma exactamente como te la dio tu cartera.",
  "errors.invalid_signature.unrecoverable":
    "Esa no es una firma válida{hasAddress, select, yes { de `{address}`} other {}}: ninguna clave podría haberla generado (puede estar cortada o modificada). Vuelve a copiar la firma completa desde tu cartera.",
  "errors.contractWalletHint.noChain":
    "Si {hasAddress, select, yes {`{address}`} other {tu cartera}} es una cartera de contrato (una Safe o una cuenta inteligente): este Steward no está conectado a ninguna cadena, así que no puede comprobar carteras de contrato; vincula una cartera normal o pide a un moderador que conecte una (RPC_URL).",
  "errors.contractWalletHint.noCode":
    "({hasAddress, select, yes {`{address}`} other {tu cartera}} no tiene contrato en la cadena {chainId}, así que firma como una cartera normal; una cuenta inteligente aún no desplegada allí firma con ERC-6492, algo que las carteras de cuentas inteligentes hacen por sí solas.)",
  "errors.signature_wrong_signer":
    "Esa firma la hizo `{recovered}`, no `{expected}`. Firma el mensaje con la cartera que estás vinculando.",
  "errors.challenge_outdated":
    "Esa solicitud de vinculación la creó una versión anterior de Steward, cuyo mensaje ya no se puede comprobar. Vuelve a ejecutar `/wallet link` y firma el mensaje nuevo.",
  "errors.contract_wallet_needs_chain":
    "Esa es la firma de una cuenta inteligente (ERC-6492) para `{address}`. Las carteras de contrato (Safes, cuentas inteligentes) se comprueban en la cadena en la que paga Steward, y este Steward no está conectado a ninguna, así que `{address}` no se puede vincular aquí. Vincula una cartera normal o pide a un moderador que conecte una cadena (RPC_URL).",
  "errors.contract_wallet_refused.counterfactual":
    "La cuenta inteligente `{address}` (aún no desplegada en la cadena {chainId}) no aceptó esta firma: Steward simuló su despliegue y se lo preguntó (ERC-6492), y respondió que no. No se ha vinculado nada. Firma el mensaje que te dio `/wallet link` con la aplicación de cartera que controla esta cuenta.",
  "errors.contract_wallet_refused":
    "El contrato de cartera en `{address}` de la cadena {chainId} no aceptó esta firma (EIP-1271), así que no se ha vinculado nada. Firma el mensaje que te dio `/wallet link` como esa cartera —en el caso de una Safe, en la aplicación Safe, con suficientes propietarios para alcanzar su umbral— y comprueba que la cartera es la de la cadena {chainId}.",
  "errors.counterfactual_not_deployed.wrapper_malformed":
    "Esa firma termina como una ERC-6492 (…6492), pero el resto no es una fábrica, su llamada y una firma. Vuelve a copiar la firma completa desde tu cartera.",
  "errors.counterfactual_not_deployed.deploy_failed":
    "Esa firma ERC-6492 incluye la llamada que crea la cuenta inteligente `{address}`, pero en la cadena {chainId} esa llamada falla, así que la firma no se puede comprobar. No se ha vinculado nada. Vuelve a firmar en la aplicación de cartera que controla la cuenta (o despliega antes la cuenta).",
  "errors.counterfactual_not_deployed.not_deployed":
    "Esa firma ERC-6492 incluye una llamada que crea una cuenta, pero no `{address}` en la cadena {chainId}: pertenece a otra cuenta o a otra cadena. Firma con la cuenta que estás vinculando.",
  "errors.wallet_chain_unavailable":
    "Steward no pudo conectar con la cadena {chainId} para comprobar la firma de esta cartera de contrato, así que no se ha vinculado nada. Vuelve a ejecutar `/wallet verify` dentro de un minuto: tu solicitud de vinculación sigue siendo válida hasta que caduque.",
  "errors.link_message_malformed":
    "Eso no es un mensaje de Sign-In with Ethereum (EIP-4361): la línea {line} {problem}. Pega el mensaje exactamente como lo firmaste: el que te dio `/wallet link`.",
  "errors.siwe.line_ending":
    "termina con un retorno de carro (un salto de línea de Windows), y las líneas del mensaje solo terminan con un salto de línea",
  "errors.siwe.header": "debería decir `<domain> wants you to sign in with your Ethereum account:`",
  "errors.siwe.address": "debería ser la dirección: 0x seguido de 40 caracteres hexadecimales",
  "errors.siwe.address_checksum":
    "debería ser la dirección con su suma de verificación (EIP-55, mayúsculas y minúsculas), como la muestra `/wallet link`",
  "errors.siwe.blank_line": "debería estar vacía",
  "errors.siwe.statement":
    "(la declaración) solo puede contener letras, dígitos, espacios y signos de puntuación de URL",
  "errors.siwe.uri": "debería ser `URI: ` seguido de un URI como https://…",
  "errors.siwe.version": "debería ser `Version: 1`",
  "errors.siwe.chain_id": "debería ser `Chain ID: ` seguido del número de la cadena",
  "errors.siwe.nonce": "debería ser `Nonce: ` seguido de al menos 8 letras o dígitos",
  "errors.siwe.issued_at": "debería ser `Issued At: ` seguido de una hora como 2026-01-31T12:00:00.000Z",
  "errors.siwe.expiration_time": "debería ser `Expiration Time: ` seguido de una hora como 2026-01-31T12:10:00.000Z",
  "errors.siwe.not_before": "debería ser `Not Before: ` seguido de una hora como 2026-01-31T12:00:00.000Z",
  "errors.siwe.request_id": "debería ser `Request ID: ` seguido de un identificador sin espacios",
  "errors.siwe.resource": "debería ser un recurso: `- ` seguido de un URI",
  "errors.siwe.unexpected_line":
    "no es uno de los campos opcionales (Expiration Time, Not Before, Request ID, Resources; como mucho una vez cada uno y en ese orden)",
  "errors.siwe.too_short": "falta: el mensaje termina demasiado pronto",
  "errors.link_message_unknown_nonce":
    "El nonce `{nonce}` de ese mensaje no corresponde a ninguna de tus solicitudes de vinculación en este servidor, así que no puede vincular una cartera aquí. Ejecuta `/wallet link` y firma el mensaje que te dé.",
  "errors.link_message_wrong_address":
    "Ese mensaje es para `{got}`, pero su solicitud de vinculación es para `{expected}`: un mensaje para otra dirección no puede vincular esta. Firma el mensaje que te dio `/wallet link`, o ejecuta `{command}` para vincular esa dirección.",
  "errors.link_message_wrong_domain":
    "Ese mensaje se hizo para `{got}`, no para este Steward (`{expected}`), así que no puede vincular una cartera aquí. Ejecuta `/wallet link` y firma el mensaje que te dé; un mensaje que nombra otro sitio no es de Steward.",
  "errors.link_message_wrong_chain":
    "Ese mensaje es para la cadena `{got}`, pero este Steward paga en la cadena {expected}: una cartera se vincula para la cadena en la que se le paga (la dirección de una cartera de contrato puede ser de otra persona en otra cadena). Vuelve a ejecutar `/wallet link` y firma el mensaje nuevo.",
  "errors.link_message_wrong_uri":
    "El URI de ese mensaje es `{got}`, no el de este Steward (`{expected}`), así que no puede vincular una cartera aquí. Ejecuta `/wallet link` y firma el mensaje que te dé, sin cambios.",
  "errors.link_message_not_yet_valid":
    "Ese mensaje aún no es válido: su hora Not Before es <t:{notBefore}:R>. Firma el mensaje que te dio `/wallet link`, que es válido desde el primer momento.",
  "errors.no_wallet": "Aún no has vinculado ninguna cartera. Usa `/wallet link address:<tu dirección>` para empezar.",
  "errors.guild_only": "Este comando solo funciona dentro de un servidor.",
  "errors.missing_role": "Solo los miembros con el rol {role} pueden hacer esto.",
  "errors.no_mentor_role":
    "Este servidor todavía no tiene el rol {role}, así que nadie podría aceptar tu solicitud. Pide a un moderador que cree el rol y se lo dé a quienes vayan a ser mentores, y vuelve a pedirlo.",
  "errors.export_no_epoch": "No existe la época {number}. `/epoch status` muestra el número de la que está abierta.",
  "errors.export_which_guild":
    "Varios servidores tienen una época {number} ({guilds}): añade --guild <server id> para indicar cuál.",
  "errors.held_line_not_found":
    "No hay ninguna línea retenida #{id} en este servidor. `/payout claim` muestra las líneas retenidas para ti.",
  "errors.held_line_resolved":
    "{outcome, select, returned {La línea retenida #{id} ya se devolvió a la tesorería: no queda nada que reclamar ni devolver.} paidTo {La línea retenida #{id} ya se pagó a `{to}`: no queda nada que reclamar.} other {La línea retenida #{id} ya se pagó: no queda nada que reclamar.}}",
  "errors.held_line_not_yours":
    "La línea retenida #{id} está retenida para `{recipient}`, una cartera que nunca has vinculado aquí: solo su propietario puede reclamarla.",
  "errors.held_line_busy":
    "La línea retenida #{id} se está pagando ahora mismo (una reclamación o devolución va camino de la cadena). `/payout claim` muestra en qué punto está.",
  "errors.held_lines_unavailable":
    "No hay ninguna cadena configurada (RPC_URL), así que desde aquí no se pueden reclamar ni devolver líneas retenidas.",
  "errors.claim_signature_malformed":
    "Eso no es una firma: indica el hexadecimal 0x… que devolvió tu cartera para la reclamación de la línea retenida #{id} (`/payout claim line:{id}` muestra qué firmar).",
  "errors.claim_not_asked":
    "Aún no hay nada que firmar para la línea retenida #{id}: ejecuta primero `/payout claim line:{id}`, firma lo que muestre y después indica la firma.",
  "errors.claim_refused.InvalidClaimSignature":
    "El distribuidor rechazaría esta reclamación de la línea retenida #{id}: la firma no la hizo `{recipient}` sobre esta reclamación. Firma con esa cartera los datos tipados que muestra `/payout claim line:{id}` (eth_signTypedData_v4). No se ha enviado nada.",
  "errors.claim_refused.ClaimExpired":
    "El distribuidor rechazaría esta reclamación de la línea retenida #{id}: el plazo de la reclamación ha vencido. Vuelve a ejecutar `/payout claim line:{id}` para obtener una nueva. No se ha enviado nada.",
  "errors.claim_refused.NotHeld":
    "El distribuidor rechazaría esta reclamación de la línea retenida #{id}: la línea ya no está retenida, porque ya se pagó o se devolvió. No se ha enviado nada.",
  "errors.claim_refused.InvalidDestination":
    "El distribuidor rechazaría esta reclamación de la línea retenida #{id}: pagaría al propio distribuidor o a la dirección cero. Vincula otra cartera con `/wallet link` y vuelve a pedirlo. No se ha enviado nada.",
  "errors.claim_refused":
    "El distribuidor rechazaría esta reclamación de la línea retenida #{id}: {refusal}. Si el token rechazó la transferencia a tu cartera, vincula otra con `/wallet link` y vuelve a pedirlo. No se ha enviado nada.",
  "errors.held_line_claim_period":
    "La línea retenida #{id} sigue pudiendo reclamarla su destinatario hasta el <t:{until}:f> (<t:{until}:R>); después se podrá devolver a la tesorería.",
  "errors.return_refused":
    "El distribuidor rechazaría devolver la línea retenida #{id}: {refusal}. No se ha enviado nada.",
  "errors.chainRefusal.no_key":
    "no hay ninguna clave de la tesorería con la que firmar (SETTLEMENT_MODE=safe-export exporta en su lugar)",
  "errors.chainRefusal.inexact":
    "{named}: el token no mueve cantidades exactas (una comisión por transferencia o un rebase); Steward paga exactamente lo votado y rechaza estos tokens, así que paga con un ERC-20 estándar",
  "errors.chainRefusal.gas_cap":
    "el lote necesita {needs} de gas, más de lo que una transacción puede usar en esta cadena ({cap}): hay que pagarlo en lotes más pequeños",
  "errors.chainRefusal.fee_cap": "la red pide {asks} wei por unidad de gas, por encima de MAX_FEE_GWEI ({cap} wei)",
  "errors.chainRefusal.node_refused": "el nodo rechazó la transacción: {message}",
  "errors.trace_unreadable":
    "`{ref}` no es algo que pueda rastrear. Indica un hash de transacción (0x y 64 dígitos hexadecimales), `proposal 12`, `contribution 12` o `node 12`.",
  "errors.trace_ambiguous":
    "#{id} podría ser {options}. Escribe `{first}` (o una de las otras opciones) para indicar cuál.",
  "errors.trace_not_found.transaction": "Ningún pago de este servidor se hizo con la transacción `{ref}`.",
  "errors.trace_not_found":
    "No hay {kind, select, proposal {ninguna propuesta} contribution {ninguna contribución} node {ningún nodo} any {ninguna propuesta, contribución ni nodo} other {{kind}}} `{ref}` en este servidor.",
  "errors.jury_off": "El jurado ciego está desactivado aquí (CALIBRATION_SAMPLE es `off`).",
  "errors.jury_item_not_found":
    "No hay ningún elemento de jurado {id} en este servidor. Usa /jury next para obtener el siguiente.",
  "errors.jury_sample_closed":
    "El elemento de jurado #{id} pertenece a una época que ya se cerró: su grado de acuerdo ya está en el reparto. Usa /jury next.",
  "errors.jury_own_contribution":
    "No puedes puntuar el elemento de jurado {id}: es tu propia contribución, y nadie juzga su propio trabajo.",
  "errors.jury_conflicted":
    "No puedes puntuar el elemento de jurado {id}: su autor ha vinculado `{address}`, una cartera que tú también has vinculado, así que tienes un conflicto de intereses.",
  "errors.jury_mentee":
    "No puedes puntuar el elemento de jurado {id}: eres mentor de su autor, y una puntuación del jurado puede cambiar tu parte como mentor.",
  "errors.jury_already_reviewed":
    "Ya puntuaste el elemento de jurado {id}. Cada miembro del jurado puntúa un elemento una sola vez.",
  "errors.jury_invalid_scores": "Da a cada criterio un número entero entre 0 y 10: {criteria}.",
  "errors.unknown_job": "No hay ninguna tarea llamada `{job}`. Tareas conocidas: {known}.",
  "errors.proposal_not_found": "No hay ninguna propuesta #{id} en este servidor.",
  "errors.nothing_to_retry":
    "La propuesta #{id} no tiene ningún pago fallido que reintentar (estado: {status}). `/payout status proposal:{id}` muestra en qué punto está.",
  "errors.proposal_not_draft":
    "La propuesta #{id} ya no es un borrador (estado: {status}): solo un borrador se puede abrir a votación.",
  "errors.invalid_voting_setup.basic_choices":
    "La votación no se puede abrir: las votaciones básicas siempre ofrecen A favor, En contra y Abstención; las opciones son para los demás tipos.",
  "errors.invalid_voting_setup.choice_count":
    "La votación no se puede abrir: una votación {type} necesita entre {min} y {max} opciones, separadas por ; ({payout, select, yes {la opción 1 es el pago tal como se publicó, p. ej. «Pagar lo publicado;No pagar{ranked, select, yes {;Opción C} other {}}»} other {p. ej. «Opción A;Opción B{ranked, select, yes {;Opción C} other {}}»}}).",
  "errors.invalid_voting_setup.duplicate_choice": "La votación no se puede abrir: dos opciones tienen el mismo nombre.",
  "errors.invalid_voting_setup.choice_too_long":
    "La votación no se puede abrir: la opción «{choice}…» tiene más de {max} caracteres.",
  "errors.invalid_voting_setup.period_range":
    "La votación no se puede abrir: el periodo de votación debe estar entre 1s y 90d.",
  "errors.invalid_voting_setup.period_format":
    "La votación no se puede abrir: «{input}» no es un periodo: escríbelo como 30m, 48h o 7d.",
  "errors.invalid_policy_change.weights_empty":
    "Esa política no se puede proponer: indica un peso para cada criterio ({names}), p. ej. `{example}`.",
  "errors.invalid_policy_change.weights_format":
    "Esa política no se puede proponer: «{detail}» no tiene el formato `criterion=weight`: escríbelos como `{example}`.",
  "errors.invalid_policy_change.unknown_criterion":
    "Esa política no se puede proponer: «{detail}» no es un criterio de la rúbrica activa (sus criterios: {names}).",
  "errors.invalid_policy_change.duplicate_criterion": "Esa política no se puede proponer: {detail} aparece dos veces.",
  "errors.invalid_policy_change.weight_not_positive":
    "Esa política no se puede proponer: el peso de {detail} debe ser mayor que 0 (un criterio que no debería pesar nada es un cambio de rúbrica, no un peso).",
  "errors.invalid_policy_change.missing_criterion":
    "Esa política no se puede proponer: falta el peso de {detail}: indica uno para cada uno de {names}.",
  "errors.invalid_policy_change.weights_sum":
    "Esa política no se puede proponer: los pesos suman {detail}, no 1 (son proporciones de la puntuación).",
  "errors.invalid_policy_change.cap_zero":
    "Esa política no se puede proponer: el límite por contribución debe ser mayor que 0.",
  "errors.invalid_policy_change.model_name":
    "Esa política no se puede proponer: «{detail}» no es un nombre de modelo (letras, dígitos y . _ : / @ -, como máximo 100 caracteres).",
  "errors.invalid_policy_change.prompt_version":
    "Esa política no se puede proponer: Steward no tiene ningún prompt «{detail}» (tiene: {names}).",
  "errors.invalid_policy_change.no_llm":
    "Esa política no se puede proponer: el evaluador activo es la rúbrica sin conexión, que no tiene modelo ni prompt que cambiar.",
  "errors.invalid_policy_change.no_change":
    "Esa política no se puede proponer: es igual que la política activa: cambia un peso, el límite, el modelo o la versión del prompt.",
  "errors.payout_needs_recipient":
    "La propuesta #{id} pide un presupuesto pero no indica ninguna dirección de destinatario, así que no hay a quién pagar. Envía una propuesta nueva con la cantidad y la dirección del destinatario.",
  "errors.electorate_unavailable.members_intent":
    "No puedo leer la lista de miembros del servidor, así que no se puede calcular el peso con derecho a voto: el intent Server Members está desactivado. Un administrador lo activa en Discord Developer Portal → la aplicación → Bot → Privileged Gateway Intents; después vuelve a abrir la votación.",
  "errors.electorate_unavailable.offline":
    "La lista de miembros del servidor no está disponible ahora mismo, así que no se puede calcular el peso con derecho a voto. Inténtalo de nuevo dentro de un minuto.",
  "errors.vote_closed.draft": "La propuesta #{id} aún no está abierta a votación.",
  "errors.vote_closed":
    "La votación de la propuesta #{id} está cerrada{ended, select, yes { (terminó <t:{endedAt}:R>)} other {}}; estado: {status}. Tu voto no se ha registrado.",
  "errors.invalid_vote":
    "Ese no es un voto válido en la propuesta #{id}: {votingType, select, basic {elige A favor, En contra o Abstención} single_choice {elige exactamente una de las opciones} approval {aprueba las opciones que quieras, cada una como máximo una vez} ranked_choice {ordena cada opción exactamente una vez} other {da un número positivo de puntos al menos a una opción}}.",
  "errors.not_eligible.bot": "No puedes votar en esta propuesta: los bots no votan.",
  "errors.not_eligible.roles": "No puedes votar en esta propuesta: para votar hace falta uno de estos roles: {roles}.",
  "errors.not_eligible.too_new":
    "No puedes votar en esta propuesta: los miembros votan tras {after} en el servidor; podrás votar a partir de {from}.",
  "errors.no_voting_power.erc20":
    "No tienes poder de voto en esta propuesta: los votos se ponderan según el saldo de tokens de tu cartera vinculada en el bloque de la instantánea de la propuesta, y el tuyo era 0 (o no había ninguna cartera vinculada). Vincula una con `/wallet link` para las próximas propuestas.",
  "errors.no_voting_power.roles": "No tienes poder de voto en esta propuesta: ninguno de tus roles tiene peso de voto.",
  "errors.not_a_payout": "La propuesta #{id} no paga nada, así que no necesita aprobación.",
  "errors.approval_not_pending":
    "La propuesta #{id} no está pendiente de aprobación (estado: {status}), así que ahora no se puede aprobar ni rechazar.",
  "errors.already_approved":
    "Ya aprobaste la propuesta #{id} ({approvals} de {required} aprobaciones). Cada moderador aprueba una sola vez.",
  "errors.own_payout":
    "No puedes aprobar la propuesta #{id}: tu cartera `{address}` recibe un pago en ella. Otro moderador debe aprobarla.",
  "errors.own_contribution":
    "No puedes {action, select, override {anular la evaluación de} clear {desmarcar la evaluación señalada de} other {decidir la apelación sobre}} la contribución #{id}: es tuya, y nadie decide su propia recompensa. Debe hacerlo otro moderador.",
  "errors.mentee_contribution":
    "No puedes {action, select, override {anular la evaluación de} clear {desmarcar la evaluación señalada de} other {decidir la apelación sobre}} la contribución #{id}: eres mentor de su autor, y la parte del mentor sale de la primera recompensa de su recién llegado, así que no la decide quien gana con ella. Debe hacerlo otro moderador.",
  "errors.contribution_pays_you":
    "No puedes {action, select, override {anular la evaluación de} clear {desmarcar la evaluación señalada de} other {decidir la apelación sobre}} la contribución #{id}: su recompensa va a `{address}`, una cartera que has vinculado, y nadie decide su propia recompensa. Debe hacerlo otro moderador.",
  "errors.contribution_withdrawn":
    "Su autor retiró la contribución #{id}, así que no hay nada que {action, select, override {anular} clear {desmarcar} other {decidir}}: no paga nada.",
  "errors.contribution_in_distribution":
    "La recompensa de la contribución #{id} ya está en el reparto de la época {epoch}{hasProposal, select, yes { (propuesta #{proposalId}, {proposalStatus})} other {}}, así que su evaluación ya no puede cambiar: no puedes {action, select, override {anular su evaluación} clear {desmarcar su evaluación} other {decidir su apelación}}. Lo que se votó es lo que se paga.",
  "errors.invalid_component":
    "Este botón o menú no corresponde a nada que Steward conozca. Usa el comando en su lugar (consulta /help).",
  "errors.pager_expired":
    "El filtro de esta lista era demasiado largo para guardarlo en sus botones y Steward se ha reiniciado desde entonces: vuelve a ejecutar `{command}`.",
  "errors.not_flagged":
    "La evaluación de la contribución #{id} no está señalada para revisión, así que no hay nada que desmarcar. Usa `/evaluation override` para cambiarla.",
  "errors.already_reviewed": "<@{reviewerId}> ya desmarcó la evaluación de la contribución #{id}.",
  "errors.impossible_spec":
    "`{value}` no es un valor posible de «{field}»: indica un número entero entre {min} y {max}.",
  "errors.invalid_price":
    "`{input}` no es un precio válido: indica una cantidad de tokens mayor que 0, como 2.5 (con {decimals} decimales como máximo).",
  "errors.invalid_region":
    "`{input}` no es una región con un formato que Steward conozca: escríbela como `eu-west`, `us-east-1` o `ap-southeast-2` (código de zona, dirección y número de zona opcional).",
  "errors.gpu_count_without_model":
    "Has indicado {count} GPU, pero ningún modelo de GPU. Indica el modelo (p. ej. `H200`), o `none` con gpu_count 0 y vram_gb 0 para un nodo solo con CPU.",
  "errors.provider_needs_wallet":
    "Las recompensas de los nodos se pagan en tu cartera verificada, y aún no tienes ninguna. Ejecuta primero `/wallet link` y después registra el nodo.",
  "errors.too_many_nodes":
    "Ya tienes {max} nodos registrados, el máximo que puede tener un proveedor. Retira uno primero con `/node retire`.",
  "errors.node_key_in_use":
    "La clave `{publicKey}` ya pertenece al nodo #{nodeId}: cada nodo necesita su propia clave. Inicia el agente con otro archivo de clave para obtener una nueva.",
  "errors.node_not_found": "No hay ningún nodo #{id} en este servidor.",
  "errors.not_your_node": "El nodo #{id} no es tuyo: solo su proveedor puede cambiarlo o retirarlo.",
  "errors.node_is_retired": "El nodo #{id} está retirado, así que ya no se puede cambiar.",
  "errors.nothing_to_update": "No hay nada que actualizar: indica un precio, una región o una descripción nuevos.",
  "errors.no_fitting_offer.nearest":
    "Ninguna oferta en línea se ajusta a esta solicitud, así que no se ha guardado nada. Las más cercanas:\n{nearest}",
  "errors.no_fitting_offer.none":
    "Ninguna oferta en línea se ajusta a esta solicitud, así que no se ha guardado nada. Aún no hay ningún nodo registrado.",
  "errors.compute_request_not_found": "No hay ninguna solicitud de cómputo #{id} en este servidor.",
  "errors.not_your_request":
    "La solicitud de cómputo #{id} no es tuya: solo el miembro que la hizo puede elegir una oferta.",
  "errors.offer_gone":
    "El nodo #{nodeId} ya no se ajusta a tu solicitud ({problems}). Vuelve a pedirlo con `/compute request` para ver lo que se ajusta ahora.",
  "errors.own_node_lease":
    "El nodo #{nodeId} es tuyo (paga a una cartera que has vinculado): no puedes alquilártelo a ti mismo y cobrar por ello.",
  "errors.lease_not_found": "No hay ningún alquiler #{id} en este servidor.",
  "errors.own_lease_approval":
    "No puedes aprobar el alquiler #{id}: eres quien lo solicitó o su proveedor, o has vinculado la cartera del proveedor. Otro moderador debe aprobarlo.",
  "errors.not_lease_provider": "Solo el proveedor del nodo del alquiler #{id} puede aceptarlo o declinarlo.",
  "errors.not_lease_party": "El alquiler #{id} no es tuyo: solo quien lo solicitó o su proveedor pueden terminarlo.",
  "errors.lease_not_in_state":
    "El alquiler #{id} está en estado {status}, no {expected}, así que eso ya no se puede hacer.",
  "errors.github_off":
    "La vinculación de cuentas de GitHub no está configurada en este Steward (no hay ninguna aplicación OAuth de GitHub). Tus enlaces de código cuentan tal como los describes.",
  "errors.github_unreachable":
    "GitHub no respondió, así que no se pudo pedir ningún código. No se ha cambiado nada: vuelve a probar `/github link` dentro de un minuto.",
  "errors.github_not_linked": "No tienes ninguna cuenta de GitHub vinculada. Vincula una con `/github link`.",
  "errors.github_login_needed":
    "Este Steward no tiene aplicación OAuth de GitHub, así que vincula tu cuenta con un gist: ejecuta `/github link login:<tu usuario de GitHub>` y Steward te dará un texto para poner en un gist público.",
  "errors.github_login_invalid":
    "«{login}» no es un usuario de GitHub (letras, dígitos y guiones sueltos, como máximo 39 caracteres). No se ha cambiado nada.",
  "errors.github_user_unknown":
    "GitHub no tiene ningún usuario @{login}. Comprueba cómo se escribe tu usuario; no se ha cambiado nada.",
  "errors.github_gist_none":
    "No tienes ningún desafío de gist pendiente. Ejecuta `/github link login:<tu usuario de GitHub>` para obtener uno.",
  "errors.github_gist_expired":
    "Tu desafío para @{login} caducó antes de que Steward lo encontrara en un gist. No se ha vinculado nada: ejecuta `/github link login:{login}` para obtener uno nuevo.",
  "errors.github_gist_unreachable":
    "GitHub no respondió, así que no se pudieron leer tus gists. No se ha cambiado nada: inténtalo de nuevo dentro de un minuto.",
  "errors.github_draft_not_found":
    "El borrador #{id} no es tuyo: solo el miembro cuya pull request fusionada lo originó puede enviarlo o descartarlo.",
  "errors.github_draft_decided": "El borrador #{id} ya está decidido (estado: {status}): no se ha cambiado nada.",
  "errors.github_taken":
    "La cuenta de GitHub @{login} ya está vinculada a otro miembro de este servidor: cada cuenta de GitHub solo puede pertenecer a un miembro. No se ha vinculado nada.",
  "errors.foreignGuild": "Steward no está configurado para este servidor.",
  "errors.discordFailure.http": "Discord ha fallado (respondió HTTP {status})",
  "errors.discordFailure.timeout": "Discord no respondió a tiempo",
  "errors.discordFailure.unreachable": "No se pudo conectar con Discord",
  "errors.postFailure.not_connected": "el bot no está conectado a Discord",
  "errors.postFailure.no_channel":
    "no hay ningún canal de texto llamado #{channel} (créalo o cambia el ajuste del canal)",
  "errors.postFailure.missing_permissions":
    "{count, plural, one {me falta el permiso {permissions} allí} other {me faltan los permisos {permissions} allí}}",
  "errors.postFailure.discord_failing": "Discord está fallando (respondió HTTP {status})",
  "errors.postFailure.timeout": "Discord no respondió a tiempo",
  "errors.postFailure.unreachable": "no se pudo conectar con Discord",
  "errors.postFailure.no_view_channel": "no puedo ver ese canal (me falta el permiso Ver canal allí)",
  "errors.postFailure.missing_access": "me falta un permiso allí (Discord respondió Missing Permissions)",
  "errors.postFailure.channel_gone": "el canal ya no existe",
  "errors.postFailure.message_gone": "se eliminó el mensaje que estaba actualizando",
  "errors.postFailure.invalid_message":
    "Discord rechazó el mensaje por no ser válido (un error por nuestra parte: el registro tiene los detalles)",
  "errors.postFailure.steward_error": "un error por parte de Steward (el registro tiene los detalles)",
  "errors.postFailure.subject_gone": "lo que mostraba ya no existe",
  "errors.permission":
    "{name, select, View_Channel {Ver canal} Send_Messages {Enviar mensajes} Embed_Links {Insertar enlaces} Read_Message_History {Leer el historial de mensajes} other {{name}}}",
} as const satisfies CatalogOf<typeof source>;
