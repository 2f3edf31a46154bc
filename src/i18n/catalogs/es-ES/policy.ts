import type { CatalogOf } from "../catalogOf.ts";
import type { policy as source } from "../en/policy.ts";

export const policy = {
  "policy.diff.weight": "peso de {criterion} {from} → {to}",
  "policy.diff.cap": "tope por contribución {from} → {to}",
  "policy.diff.model": "modelo {from} → {to}",
  "policy.diff.promptVersion": "versión del prompt {from} → {to}",
  "policy.diff.evaluator": "evaluador {from} → {to}",
  "policy.config.weight": "peso de {criterion} {value} (adoptado: {adopted})",
  "policy.config.cap": "tope por contribución {value} (adoptado: {adopted})",
  "policy.config.model": "modelo {value} (adoptado: {adopted})",
  "policy.config.promptVersion": "versión del prompt {value} (adoptada: {adopted})",
  "policy.config.evaluator": "evaluador {value} (adoptado: {adopted})",
  "policy.agreement.noJuryItem": "todavía no hay elementos revisados por el jurado",
  "policy.agreement.notMeasurable": "no medible (Spearman necesita dos elementos con puntuaciones distintas)",
  "policy.agreement.spearman": "{rho} (rho de Spearman)",
  "policy.agreement.withDifference": "{rho}; diferencia media de {difference} puntos",
  "policy.method.rubricRecomputed":
    "Repuntuado sin modelo: el evaluador por rúbrica puntúa cada criterio igual con cualquier peso, así que las puntuaciones por criterio guardadas de cada elemento, ponderadas con los pesos de cada versión, son exactamente lo que le da cada versión.",
  "policy.method.llmReweighted":
    "Recalculado sin llamar al modelo: las puntuaciones por criterio guardadas de cada elemento, ponderadas con los pesos de cada versión. El modelo vio en su prompt los pesos activos; con los de la candidata, sus puntuaciones por criterio podrían variar un poco.",
  "policy.method.llmNotRerun":
    "No se ha vuelto a ejecutar: la candidata cambia el modelo o el prompt, y solo llamándolo se podría medir. Se muestran las puntuaciones por criterio guardadas con los pesos de la candidata; la primera época con ella medirá el resto.",
  "policy.rescoring.nothing":
    "Todavía no se ha revisado ninguna muestra del jurado: no hay nada que repuntuar. Los miembros votan sin medición.",
  "policy.rescoring.active": "Activa v{version}: {agreement}",
  "policy.rescoring.candidate": "Candidata: {agreement}",
  "policy.rescoring.sample":
    "Sobre {items} elemento(s) revisado(s) por el jurado de {epochCount, plural, one {la época {epochs}} other {las épocas {epochs}}}, {jurors} miembro(s) del jurado, {reviews} revisión(es).",
  "policy.change.fieldName": "Cambio de política (desde v{version})",
  "policy.rescored.fieldName": "Acuerdo repuntuado con el jurado",
  "policy.takesEffect.fieldName": "Entra en vigor",
  "policy.takesEffect.adopted":
    "Adoptada como política v{version}: las evaluaciones la siguen a partir de la época {epoch}. Las de esta época conservan su versión.",
  "policy.takesEffect.ifPassed":
    "Si se aprueba la votación: a partir de la próxima época. Las evaluaciones de la época actual conservan su versión.",
  "policy.proposed": "Propuesta como propuesta n.º {id} (política, borrador): {diff}.",
  "policy.proposedNext":
    "Se ha publicado en el canal de gobernanza; un moderador abre su votación con /proposal open y, si se aprueba, se aplica a partir de la próxima época.",
  "policy.status.adoptedBy": "adoptada por la propuesta n.º {id}, en vigor desde la época {epoch}",
  "policy.status.fromConfiguration": "la de la configuración (ninguna política adoptada por votación)",
  "policy.status.active.fieldName": "Activa v{version} · época {epoch}",
  "policy.status.activeUnrecorded.fieldName": "Activa (se registra con su primera evaluación) · época {epoch}",
  "policy.status.source": "Origen: {source}",
  "policy.status.weights": "Pesos: {weights}",
  "policy.status.cap": "Tope por contribución: {cap}",
  "policy.status.evaluator": "Evaluador: {kind}, modelo {model}, prompt {prompt}",
  "policy.status.configDiffers.fieldName": "La configuración es distinta",
  "policy.status.configDiffers":
    "La política adoptada prevalece hasta una votación posterior. La configuración dice: {differences}.",
  "policy.status.upcoming.fieldName": "Adoptada, a la espera de su época",
  "policy.status.upcoming": "v{version} (propuesta n.º {id}) a partir de la época {epoch}",
  "policy.status.candidates.fieldName": "Candidatas",
  "policy.status.noCandidates": "Ninguna: propón una con /policy propose.",
  "policy.status.candidateOpen": "Propuesta n.º {id}: votación abierta, termina {ends}",
  "policy.status.candidateDraft": "Propuesta n.º {id}: borrador, a la espera de que un moderador abra su votación",
  "policy.status.versions.fieldName": "Versiones y acuerdo del jurado",
  "policy.status.versionJury": "v{version} ({evaluations} evaluación(es)): {agreement}, {items} elemento(s)",
  "policy.status.versionNoJury":
    "v{version} ({evaluations} evaluación(es)): todavía no hay elementos revisados por el jurado",
  "policy.status.noVersions": "Todavía no hay ninguna registrada.",
  "policy.status.embedTitle": "Política de evaluación",
} as const satisfies CatalogOf<typeof source>;
