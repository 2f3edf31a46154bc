import type { CatalogOf } from "../catalogOf.ts";
import type { evaluation as source } from "../en/evaluation.ts";

export const evaluation = {
  "evaluation.criterion":
    "{criterion, select, impact {impacto} quality {calidad} effort {esfuerzo} alignment {alineación} other {{criterion}}}",
  "evaluation.flag":
    "{flag, select, possible_duplicate {posible duplicado} low_evidence {pocas pruebas} prompt_injection_suspected {el texto contiene instrucciones para el evaluador} needs_human {necesita que lo revise una persona} possible_duplicate_claim {un enlace que ya reclama otra contribución} keyword_stuffing {relleno de palabras que describen una puntuación} jury_disagrees {el jurado ciego la puntuó muy lejos del modelo} not_authors_work {una pull request de otra persona: aquí no genera nada} reverted {una pull request revertida después: una persona la revisa antes del pago} self_merged {fusionada por su autor en un repositorio que solo controla él: se paga como máximo como trabajo sin revisar} split_work {un mismo trabajo dividido en varias pull requests y contribuciones: una persona lo revisa antes del pago} other {{flag}}}",
  "evaluation.evaluator": "{evaluator, select, rubric {rúbrica} llm {LLM} human {persona} other {{evaluator}}}",
  "evaluation.score.fieldName": "{criterion} — {score}/10 (peso {weight})",
  "evaluation.override.fieldName": "Fijada por un moderador",
  "evaluation.override.value":
    "<@{moderator}> fijó el total y la recompensa; las puntuaciones del evaluador se guardan en el registro de auditoría.",
  "evaluation.total.fieldName": "Puntuación total",
  "evaluation.reward.fieldName": "Recompensa sugerida",
  "evaluation.reward.withdrawn": "ninguna: la contribución se retiró (era {amount})",
  "evaluation.confidence.fieldName": "Confianza",
  "evaluation.evidence.fieldName": "Pruebas",
  "evaluation.github.fieldName": "Comprobado en GitHub",
  "evaluation.flags.fieldName": "Alertas",
  "evaluation.embed.title":
    "{purpose, select, appeal {Revisión por apelación de #{id} · {title}} override {Evaluación del moderador de #{id} · {title}} other {Evaluación de #{id} · {title}}}",
  "evaluation.embed.withdrawnSuffix": " (retirada)",
  "evaluation.embed.footer": "evaluada por {model} · rúbrica v{version}",
  "evaluation.posted": "<@{author}>, tu contribución **#{id}** ya está evaluada.",
  "evaluation.appeal.embedTitle": "Apelación #{appealId} de la evaluación de #{id}",
  "evaluation.appeal.by.fieldName": "Presentada por",
  "evaluation.appeal.firstPass.fieldName": "Primera evaluación",
  "evaluation.appeal.secondPass.fieldName": "Segunda evaluación",
  "evaluation.appeal.footer":
    "Moderadores: Aceptar convierte la segunda evaluación en la que cuenta; Rechazar mantiene la primera.",
  "evaluation.appeal.accept.button": "Aceptar",
  "evaluation.appeal.reject.button": "Rechazar",
  "evaluation.appeal.accepted":
    "Apelación #{appealId} aceptada por <@{moderator}>: la segunda evaluación es ahora la que cuenta.",
  "evaluation.appeal.rejected":
    "Apelación #{appealId} rechazada por <@{moderator}>: se mantiene la primera evaluación.",
  "evaluation.appeal.filed":
    "Tu apelación #{appealId} de la contribución #{id} está presentada. Ahora se hace una segunda evaluación; cuando termine, ambas se publicarán en {channel} para que un moderador las acepte o rechace.",
  "evaluation.overridden":
    "Evaluación de #{id} sustituida: {oldTotal}/100 → {newTotal}/100, {oldReward} → {newReward}. Se conserva la original.",
  "evaluation.cleared":
    "Aprobada: la evaluación de la contribución #{id} ({total}/100, {reward}) se pagará tal como se evaluó en el reparto de su época. Tu nota queda en el registro de auditoría.",
  "evaluation.usage.epoch.embedTitle": "Uso de evaluaciones, época {epoch}",
  "evaluation.usage.epochSince.embedTitle": "Uso de evaluaciones, época {epoch} (desde {since})",
  "evaluation.usage.days.embedTitle": "Uso de evaluaciones, {count, plural, one {último día} other {últimos # días}}",
  "evaluation.usage.evaluations.fieldName": "Evaluaciones",
  "evaluation.usage.fallbacks.fieldName": "Recurso a la rúbrica tras un fallo del LLM",
  "evaluation.usage.tokens.fieldName": "Tokens de entrada / salida",
  "evaluation.usage.cost.fieldName": "Coste",
} as const satisfies CatalogOf<typeof source>;
