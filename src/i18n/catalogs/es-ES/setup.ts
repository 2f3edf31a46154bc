import type { CatalogOf } from "../catalogOf.ts";
import type { setup as source } from "../en/setup.ts";

export const setup = {
  "setup.status.allClear":
    "**Configuración:** todo en orden: los canales, los permisos, los roles, el intent Server Members y los comandos están como Steward los necesita.",
  "setup.status.problems":
    "**Configuración:** {problemCount, plural, one {# problema} other {# problemas}} por resolver:\n{problems}",
  "setup.status.nothingWaits": "**Publicaciones:** no hay nada pendiente de publicar.",
  "setup.status.posts": "**Publicaciones:** {posts}",
  "setup.status.queued":
    "{queuedCount, plural, one {# en cola} other {# en cola}}, saliendo al ritmo de Discord (varias a la vez se agrupan en un mensaje de resumen).",
  "setup.status.refused":
    "{refusedCount, plural, one {# rechazada} other {# rechazadas}} por Discord, se reintentan solas:\n{posts}",
  "setup.status.refusedPost":
    "- {what} en {channel}: {reason} ({attempts, plural, one {# intento} other {# intentos}}, siguiente {next})",
  "setup.status.refusedPostOf":
    "- {what} #{id} en {channel}: {reason} ({attempts, plural, one {# intento} other {# intentos}}, siguiente {next})",
  "setup.status.more": "…y {moreCount} más.",
  "setup.kind.contribution": "Contribución",
  "setup.kind.evaluation": "Publicación de evaluación",
  "setup.kind.appeal": "Apelación",
  "setup.kind.proposal": "Propuesta",
  "setup.kind.result": "Resultado de la propuesta",
  "setup.kind.receipt": "Recibo de pago de la propuesta",
  "setup.kind.safeBatch": "Archivo Safe del lote de pago",
  "setup.kind.note": "Nota a los moderadores",
  "setup.kind.compute": "Mensaje de cómputo",
  "setup.kind.reminder": "Recordatorio de votación",
  "setup.kind.reminderDm": "MD de recordatorio de votación",
  "setup.kind.epochReminder": "Recordatorio de época",
  "setup.kind.githubDraft": "Borrador de contribución de un PR fusionado",
  "setup.itemSeparator": ", ",
  "setup.roleWithId": "{name} (id {id})",
  "setup.permission.item": "{name} ({why})",
  "setup.permission.viewChannel.name": "Ver canal",
  "setup.permission.viewChannel.why": "para ver el canal",
  "setup.permission.sendMessages.name": "Enviar mensajes",
  "setup.permission.sendMessages.why": "para publicar",
  "setup.permission.embedLinks.name": "Insertar enlaces",
  "setup.permission.embedLinks.why": "las publicaciones son embeds",
  "setup.permission.readMessageHistory.name": "Leer el historial de mensajes",
  "setup.permission.readMessageHistory.why": "los resultados y las evaluaciones responden a su publicación",
  "setup.permission.attachFiles.name": "Adjuntar archivos",
  "setup.permission.attachFiles.why": "el archivo de lote Safe de cada pago aprobado (SETTLEMENT_MODE=safe-export)",
  "setup.permission.mentionEveryone.name": "Mencionar @everyone, @here y todos los roles",
  "setup.permission.mentionEveryone.why":
    "para avisar al rol de moderador cuando no se puede mencionar; Steward nunca menciona a @everyone ni a @here",
  "setup.channel.missing":
    "El canal #{value} ({setting}) no existe en {guild}: crea un canal de texto con ese nombre o pon en {setting} el nombre o el id de un canal que exista.",
  "setup.channel.lacks":
    "En #{channel} ({setting}) al bot le falta {missing}: {missingCount, plural, one {permíteselo} other {permíteselos}} al rol del bot en los permisos del canal (Editar canal → Permisos).",
  "setup.channel.silent":
    "En #{channel} ({setting}) no se avisa a los moderadores: {silentCount, plural, one {el rol} other {los roles}} {roles} (MODERATOR_ROLE) no se {silentCount, plural, one {puede} other {pueden}} mencionar y al bot le falta «Mencionar @everyone, @here y todos los roles» allí, así que Discord muestra la mención sin avisar a nadie. Permite «Mencionar @everyone, @here y todos los roles» al rol del bot (Ajustes del servidor → Roles, o Editar canal → Permisos; Steward nunca menciona a @everyone ni a @here), o activa «Permitir que cualquiera @mencione este rol» (Ajustes del servidor → Roles).",
  "setup.role.missing":
    "El rol {value} ({setting}) no existe en {guild}: créalo (Ajustes del servidor → Roles) o pon en {setting} el id de un rol que exista.",
  "setup.role.sameNameKept":
    "{setting} «{value}» es el nombre de {roleCount} roles (ids {ids}): Steward se queda con el primero que encontró (id {kept}) y no da ninguna autoridad a los demás. Pon en {setting} el id del rol correcto y elimina o cambia el nombre {others, plural, one {del otro rol} other {de los otros roles}} (Ajustes del servidor → Roles).",
  "setup.role.sameNameNone":
    "{setting} «{value}» es el nombre de {roleCount} roles (ids {ids}): Steward no puede saber cuál se quiere decir, así que nadie lo tiene para Steward. Pon en {setting} el id del rol correcto y elimina o cambia el nombre {others, plural, one {del otro rol} other {de los otros roles}} (Ajustes del servidor → Roles).",
  "setup.publicBot":
    "Public Bot está activado, así que cualquiera puede añadir el bot a su propio servidor: desactívalo en el Discord Developer Portal → tu aplicación → Bot → Public Bot (Steward solo sirve a DISCORD_GUILD_ID).",
  "setup.membersIntentOff":
    "El intent Server Members está desactivado, así que las votaciones no pueden contar a los miembros con derecho a voto: actívalo en el Discord Developer Portal → tu aplicación → Bot → Privileged Gateway Intents → Server Members Intent.",
  "setup.commands.stale":
    "Los comandos de barra {commands} faltan o no coinciden con esta versión de Steward: ejecuta `steward deploy-commands`.",
  "setup.commands.twice":
    "Los comandos de barra {commands} están registrados tanto en {guild} como globalmente, así que los miembros ven cada uno dos veces: ejecuta `steward deploy-commands` (deja un solo ámbito).",
  "setup.quorum.votes": "{voteCount, plural, one {# voto} other {# votos}}",
  "setup.quorum.weight": "un peso de {weight}",
  "setup.quorum.overShare":
    "QUORUM={spec} de {memberCount, number} {group, select, active {miembros activos} voters {miembros con un rol de votante} other {miembros}}",
  "setup.quorum.whyTurnout":
    "la mejor de {closedCount, plural, one {la última votación cerrada} other {las últimas # votaciones cerradas}} tuvo {had}",
  "setup.quorum.whyActive":
    "solo {activeCount, number} miembros están activos (han contribuido, propuesto o votado últimamente)",
  "setup.quorum.fixActive":
    "cuéntalo sobre los miembros activos (QUORUM_OF=active: {needed} de {activeCount, number}) o baja QUORUM",
  "setup.quorum.fixLower": "baja QUORUM",
  "setup.quorum.outOfReach":
    "El quórum está fuera del alcance de quienes participan: una votación abierta ahora necesita {needed} ({over}), pero {why}, así que las votaciones caducarían y no se pagaría nada: {fix}.",
} as const satisfies CatalogOf<typeof source>;
