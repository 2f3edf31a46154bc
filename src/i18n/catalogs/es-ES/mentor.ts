import type { CatalogOf } from "../catalogOf.ts";
import type { mentor as source } from "../en/mentor.ts";

export const mentor = {
  "mentor.requested":
    "Has pedido un mentor. Los mentores ven tu solicitud en el canal de gobernanza; cuando uno la acepte, te mencionaremos allí con su nombre (y `/start` y `/mentor list` te dirán quién es).",
  "mentor.accepted":
    "Ahora eres mentor de <@{newcomer}>. {reviews, plural, one {Su primera contribución espera} other {Sus primeras # contribuciones esperan}} hasta {hours, plural, one {# hora} other {# horas}} tu nota antes de la evaluación: `/mentor review contribution:… comment:…`.",
  "mentor.ended": "La mentoría de <@{newcomer}> ha terminado.",
  "mentor.reviewed":
    "Tu nota sobre la contribución #{id} ha quedado registrada. Se muestra junto a la evaluación; no es una puntuación y el evaluador no la lee.",
  "mentor.list.title": "Mentoría",
  "mentor.list.requests": "Recién llegados que buscan mentor",
  "mentor.list.none": "Nadie está esperando un mentor.",
  "mentor.list.request": "<@{newcomer}>, lo pidió {when}{hasNote, select, yes {: «{note}»} other {}}",
  "mentor.list.mine": "Tu mentor",
  "mentor.list.mentees": "Tus recién llegados",
  "mentor.status.requested": "Has pedido un mentor; todavía nadie ha aceptado.",
  "mentor.status.active": "<@{mentor}> es tu mentor.",
  "mentor.accept.button": "Aceptar como mentor",
  "mentor.note.requested":
    "<@{newcomer}> acaba de llegar y busca un mentor{hasNote, select, yes {: «{note}»} other {.}}\nMentores: aceptad con el botón de abajo o con `/mentor accept newcomer:@…`.",
  "mentor.note.accepted":
    "<@{newcomer}>: <@{mentor}> ha aceptado ser tu mentor. Leerá tus primeras contribuciones y dejará una nota antes de que se evalúe cada una; `/mentor list` muestra tu mentoría.",
  "mentor.note.ended":
    "{tell}: {hasMentor, select, yes {<@{by}> ha terminado la mentoría de <@{mentor}> con <@{newcomer}>.} other {<@{by}> ha cerrado la solicitud de mentor de <@{newcomer}>.}}",
  "mentor.note.reviewDue":
    "<@{mentor}>: tu recién llegado <@{newcomer}> ha enviado la contribución #{id}. Su evaluación espera tu nota hasta {hours, plural, one {# hora} other {# horas}}: `/mentor review contribution:{id} comment:…`.",
  "mentor.evaluation.fieldName": "Nota del mentor (no puntúa)",
  "mentor.evaluation.value": "<@{mentor}>: {comment}",
  "mentor.trace": "Nota del mentor antes de la evaluación (no puntúa): {comment}",
  "mentor.reason": "Parte del mentor en la recompensa de la contribución #{id}: {amount}",
  "mentor.post.share": "parte del mentor",
  "mentor.start.fieldName": "5. Un mentor",
  "mentor.start.none":
    "Los miembros con el rol de mentor guían a los recién llegados: leen tus primeras contribuciones antes de que se evalúen y te dejan una nota. Pide uno con el botón.",
  "mentor.start.notNewcomer":
    "Los mentores acompañan a los recién llegados hasta que se les paga su primera contribución; a ti ya se te ha pagado una.",
  "mentor.start.button": "Buscar un mentor",
  "mentor.error.notNewcomer": "Los mentores son para recién llegados, y ya se te ha pagado alguna contribución.",
  "mentor.error.alreadyOpen":
    "{status, select, active {Ya tienes mentor: <@{mentor}>.} other {Ya pediste un mentor; espera a que alguno acepte o retira la solicitud con `/mentor end`.}}",
  "mentor.error.noRequest": "<@{newcomer}> no ha pedido mentor (`/mentor list` muestra quién lo ha hecho).",
  "mentor.error.self": "No puedes ser tu propio mentor.",
  "mentor.error.sharesWallet":
    "No puedes ser mentor de <@{newcomer}>: los dos habéis vinculado `{address}`, así que hay conflicto de intereses (la regla que impide pagarse a uno mismo a través de otra cuenta).",
  "mentor.error.taken":
    "{hasMentor, select, yes {<@{newcomer}> ya tiene mentor: <@{mentor}>.} other {Otro mentor ya aceptó la solicitud de <@{newcomer}>.}}",
  "mentor.error.noneOpen": "No hay ninguna mentoría abierta que terminar.",
  "mentor.error.notYours": "Solo <@{newcomer}>, su mentor o un moderador pueden terminar esta mentoría.",
  "mentor.error.reviewNotMentee": "No eres el mentor de quien escribió la contribución #{id}.",
  "mentor.error.reviewNotFirst":
    "La contribución #{id} no está entre {reviews, plural, one {la primera contribución} other {las # primeras contribuciones}} de su autor, que son las que revisa un mentor.",
  "mentor.error.reviewTooLate":
    "La contribución #{id} ya está en estado «{status}»: la nota del mentor va antes de la evaluación y para esta ya es tarde.",
  "mentor.error.reviewExists": "La contribución #{id} ya tiene la nota de su mentor.",
} as const satisfies CatalogOf<typeof source>;
