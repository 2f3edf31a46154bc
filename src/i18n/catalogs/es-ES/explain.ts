import type { CatalogOf } from "../catalogOf.ts";
import type { explain as source } from "../en/explain.ts";

export const explain = {
  "explain.separator": "; ",
  "explain.comma": ", ",
  "explain.links": "{count, plural, =0 {ningún enlace} one {# enlace distinto} other {# enlaces distintos}}",
  "explain.linksWithKinds": "{count, plural, one {# enlace distinto} other {# enlaces distintos}} ({kinds})",
  "explain.linkKind":
    "{kind, select, pr {pull request} commit {commit} issue {incidencia} doc {documento} other {otro}}",
  "explain.github.approved":
    "comprobado en GitHub: {merged, plural, =0 {ninguna pull request fusionada, aprobaciones de {approvers}} one {# pull request fusionada, aprobada por {approvers}} other {# pull requests fusionadas, aprobadas por {approvers}}}",
  "explain.github.mergedByOther":
    "comprobado en GitHub: {merged, plural, =0 {ninguna pull request fusionada} one {# pull request fusionada por otra persona} other {# pull requests fusionadas por otras personas}}",
  "explain.github.noReview":
    "comprobado en GitHub: {merged, plural, =0 {ninguna pull request fusionada} one {# pull request fusionada} other {# pull requests fusionadas}}, sin ninguna revisión que apruebe",
  "explain.github.selfMerged":
    "{count, plural, one {# fusionada por su autor en un repositorio que solo él controla} other {# fusionadas por su autor en un repositorio que solo él controla}}, contadas como no revisadas",
  "explain.github.reverted": "{count, plural, one {# revertida después} other {# revertidas después}}",
  "explain.github.trivial": "un cambio mínimo",
  "explain.refused":
    "{count, plural, one {# pull request de otra persona, no contada} other {# pull requests de otras personas, no contadas}}",
  "explain.duplicate": "casi un duplicado de un trabajo anterior",
  "explain.length":
    "{chars, plural, one {# carácter informativo} other {# caracteres informativos}}{language, select, zh { (contados en caracteres equivalentes al inglés: el texto está en chino)} es { (contados en caracteres equivalentes al inglés: el texto está en español)} other {}}",
  "explain.lengthShort": "menos de {target}: el {percent} del crédito de una descripción completa",
  "explain.verifiedLines":
    "comprobado en GitHub: {lines, plural, one {# línea de trabajo cambiada} other {# líneas de trabajo cambiadas}}",
  "explain.verifiedApart":
    "{apart, plural, one {# línea} other {# líneas}} en lockfiles, archivos generados o espacios, no contadas",
  "explain.fromEvidence": "juzgado por las pruebas aportadas",
  "explain.hours": "{hours, plural, one {# hora declarada} other {# horas declaradas}}, no puntúan",
  "explain.hoursUnbacked":
    "{hours, plural, one {# hora declarada} other {# horas declaradas}}, no puntúan, y son más de lo que muestran la descripción y los enlaces",
  "explain.track":
    "categoría {category}; {earlier, plural, =0 {ninguna contribución anterior} one {# contribución anterior} other {# contribuciones anteriores}} del autor",
  "explain.unmeasured": "el evaluador sin conexión no lo mide: un 5 neutro",
  "explain.evidenceFound": "pruebas de {category} presentes: {list}",
  "explain.evidenceMissing": "pruebas de {category} que faltan: {list}",
  "explain.evidenceName":
    "{evidence, select, code_link {un enlace a la pull request o al commit} review {una revisión de alguien que no sea el autor} tests {pruebas que muestren que funciona} published_link {un enlace al texto publicado} language_pair {en una traducción, el par de idiomas} length {su extensión o alcance} file_link {un enlace al archivo de diseño o a la imagen} problem {el problema que resuelve} recording {un enlace a la grabación o a las notas} attendance {cuántas personas asistieron} questions {las preguntas respondidas} sources {las fuentes usadas} result {un resultado por escrito} what_ran {qué se ejecutó o cambió} outcome {su resultado} work_link {un enlace al trabajo} description {qué se hizo y por qué} other {{evidence}}}",
  "explain.example":
    "{evidence, select, code_link {«https://github.com/your-org/app/pull/42»} review {«fusionada después de que @alice la aprobara»} tests {«añadí 3 pruebas para el cierre de votaciones»} published_link {«https://docs.example.org/guide»} language_pair {«traducido del inglés al chino»} length {«12 páginas, unas 4.000 palabras»} file_link {«https://www.figma.com/file/… (las pantallas de bienvenida)»} problem {«los recién llegados no encontraban el botón de votar»} recording {«https://youtube.com/watch?v=… (la grabación del AMA)»} attendance {«asistieron 40 personas»} questions {«respondí 15 preguntas sobre las votaciones»} sources {«tres artículos y el hilo del foro, enlazados»} result {«un enlace al informe, con sus conclusiones»} what_ran {«actualicé el nodo a v20 y roté las claves»} outcome {«disponibilidad de nuevo al 99,9 % desde el lunes»} work_link {«un enlace donde se vea el trabajo»} description {«qué hiciste, por qué y qué cambió»} other {}}",
  "explain.rationale.intro":
    "Puntuado con señales observables: enlaces, extensión y lo que dice GitHub, nunca las horas declaradas.",
  "explain.rationale.similar": "Es similar en un {percent} a la contribución n.º {id}.",
  "explain.rationale.claimed": "Sus enlaces ya los reclamó {ids}.",
  "explain.rationale.injection": "El texto contiene instrucciones dirigidas al evaluador ({signals}).",
  "explain.rationale.stuffed": "El texto está lleno de palabras que describen una puntuación y no el trabajo.",
  "explain.rationale.lowEvidence": "Hay pocas pruebas para verificar el trabajo: añade enlaces a él.",
  "explain.rationale.fallback":
    "El evaluador de IA falló; esta es la evaluación de la rúbrica sin conexión, para que la revise una persona.",
  "explain.expected.fieldName": "Qué se valora en un trabajo de {category}",
  "explain.advice.fieldName": "Tu primera contribución: qué habría puntuado más",
  "explain.advice.intro":
    "¡Bienvenido! Cada puntuación por debajo de 7 habría sido más alta con las pruebas de abajo; añádelas en tu próxima contribución.",
  "explain.advice.criterionFieldName": "{criterion} — {score}/10: qué habría puntuado más",
  "explain.advice.item": "• {evidence}, p. ej. {example}",
  "explain.policy.fieldName": "Pruebas por categoría",
  "explain.policy.none":
    "Esta política no enumera pruebas por categoría (se registró antes de que cada categoría tuviera las suyas).",
  "explain.policy.categoryFieldName": "Pruebas de un trabajo de {category}",
  "explain.policy.diff": "cambian las pruebas esperadas por categoría: {categories}",
  "explain.policy.config": "las pruebas esperadas por categoría difieren en {categories}",
  "explain.policy.item": "• {evidence} ({criterion})",
} as const satisfies CatalogOf<typeof source>;
