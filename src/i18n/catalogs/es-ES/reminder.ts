import type { CatalogOf } from "../catalogOf.ts";
import type { reminder as source } from "../en/reminder.ts";

export const reminder = {
  "reminder.turnout.reached":
    "Participación: {voterCount, plural, one {# votante} other {# votantes}}{weighted, select, yes {, peso {weight}} other {}}; quórum {quorum}: quórum alcanzado.",
  "reminder.turnout.weightShort":
    "Participación: {voterCount, plural, one {# votante} other {# votantes}}, peso {weight}; quórum {quorum}: falta un peso de {more}, o la votación caduca.",
  "reminder.turnout.votesShort":
    "Participación: {voterCount, plural, one {# votante} other {# votantes}}; quórum {quorum}: {moreCount, plural, one {falta # voto más} other {faltan # votos más}}, o la votación caduca.",
  "reminder.turnout.legacyReached":
    "Participación: {voterCount, plural, one {# votante} other {# votantes}}, peso {weight} de los {quorumWeight} que necesita el quórum: quórum alcanzado.",
  "reminder.turnout.legacyShort":
    "Participación: {voterCount, plural, one {# votante} other {# votantes}}, peso {weight} de los {quorumWeight} que necesita el quórum: faltan {more}, o la votación caduca.",
  "reminder.post.head": "⏰ **Propuesta #{proposalId} · {title}**: la votación cierra {closes} ({closesAt}).",
  "reminder.post.mayStillVote":
    "{mayCount, plural, one {# miembro con derecho a voto} other {# miembros con derecho a voto}} de {eligibleCount, number} aún {mayCount, plural, one {puede} other {pueden}} votar.",
  "reminder.post.optIn": "¿Quieres un MD antes de que cierren las votaciones si aún no has votado? `/notify votes:on`",
  "reminder.epoch.head":
    "⏰ **La época {epochNumber}** cierra {closes} ({closesAt}): {evaluatedCount, plural, one {# contribución evaluada} other {# contribuciones evaluadas}}, {awaiting} pendientes de evaluación.",
  "reminder.epoch.submit":
    "Envía las tuyas con `/contribute submit` antes de esa fecha: lo que esté evaluado al cierre entra en el reparto de esta época.",
  "reminder.epoch.jurors":
    "Jurado: ya se ha extraído la muestra del jurado ciego, {sampledCount, plural, one {# contribución} other {# contribuciones}}, {unreviewed} aún sin puntuar por nadie: usa `/jury next` antes del cierre.",
  "reminder.dm.head":
    "⏰ Aún no has votado en la **propuesta #{proposalId} · {title}**: la votación cierra {closes} ({closesAt}).",
  "reminder.dm.where": "Vota en su mensaje en #governance.",
  "reminder.dm.why": "Recibes esto por `/notify votes:on`; `/notify votes:off` lo desactiva.",
  "reminder.notify.turnedOn": "Los recordatorios de votación por MD están activados.",
  "reminder.notify.turnedOff": "Los recordatorios de votación por MD están desactivados.",
  "reminder.notify.onBefore":
    "Recordatorios de votación por MD: **activados**. Antes de que cierre una votación ({when} antes), te envío un MD si aún no has votado. `/notify votes:off` los desactiva.",
  "reminder.notify.on":
    "Recordatorios de votación por MD: **activados**. Antes de que cierre una votación, te envío un MD si aún no has votado. `/notify votes:off` los desactiva.",
  "reminder.notify.off":
    "Recordatorios de votación por MD: **desactivados**. Con `/notify votes:on` te envío un MD antes de que cierre una votación si aún no has votado.",
  "reminder.notify.serverOff":
    "Este servidor tiene los recordatorios desactivados (REMINDER_BEFORE), así que no se envía ninguno.",
  "reminder.notify.openDms":
    "Para recibirlos, tus MD deben estar abiertos a los miembros de este servidor (Ajustes de privacidad → Mensajes directos).",
  "reminder.dmsClosed":
    "No he podido enviarte un recordatorio de votación por MD {at}: tienes los MD cerrados para mí, así que he desactivado los recordatorios de votación. Abre tus MD a los miembros de este servidor (Ajustes de privacidad → Mensajes directos) y usa `/notify votes:on` para volver a recibirlos.",
} as const satisfies CatalogOf<typeof source>;
