import type { CatalogOf } from "../catalogOf.ts";
import type { github as source } from "../en/github.ts";

export const github = {
  "github.fact.claim":
    "{key}: sin comprobar ({reason, select, not_found {no está en GitHub, o es privado} rate_limited {se alcanzó el límite de peticiones de GitHub} timeout {GitHub no respondió a tiempo} unreachable {GitHub no respondió} other {GitHub no respondió}}), se cuenta según la descripción",
  "github.fact.otherAuthor": "La PR #{number} es de {author}: solo su autor puede reclamarla.",
  "github.fact.pr": "PR #{number} {details}",
  "github.fact.separator": ", ",
  "github.fact.listSeparator": ", ",
  "github.fact.merged": "fusionada",
  "github.fact.mergedBy": "fusionada por {login}",
  "github.fact.closed": "cerrada sin fusionar",
  "github.fact.open": "abierta, sin fusionar",
  "github.fact.byYou": "creada por ti ✓",
  "github.fact.byUnchecked":
    "creada por {login} (sin comprobar que seas tú: vincula tu cuenta de GitHub con /github link)",
  "github.fact.approvedBy": "aprobada por {logins}",
  "github.fact.noApproval": "sin ninguna revisión que la apruebe",
  "github.fact.selfMerged":
    "fusionada por su autor en un repositorio que solo controla él: se paga como máximo como trabajo sin revisar",
  "github.fact.authorAlone": "en un repositorio que solo controla su autor",
  "github.fact.closes": "cierra {issues}",
  "github.fact.reverted": "revertida por la PR #{number} ⚠",
  "github.fact.revertProposed": "se propone revertirla en la PR #{number}",
  "github.fact.size":
    "+{additions}/−{deletions} en {fileCount, plural, one {{files} archivo} other {{files} archivos}}",
  "github.fact.sizeApart":
    "+{additions}/−{deletions} en {fileCount, plural, one {{files} archivo} other {{files} archivos}} (+{apartAdditions}/−{apartDeletions} de ello en lockfiles, archivos generados o espacios en blanco)",
  "github.fact.commit": "Commit {sha} de {author}, {size}",
  "github.fact.unknownAuthor": "una cuenta que GitHub no conoce",
  "github.fact.issueOpen": "Incidencia #{number} abierta, creada por {author}",
  "github.fact.issueClosed": "Incidencia #{number} cerrada, creada por {author}",
  "github.fact.issueClosedBy": "Incidencia #{number} cerrada por {closer}, creada por {author}",
  "github.link.open":
    "Abre {uri} , inicia sesión en GitHub con la cuenta que quieres vincular e introduce este código:",
  "github.link.openAgain":
    "Tu vinculación con GitHub sigue pendiente. Abre {uri} , inicia sesión en GitHub con la cuenta que quieres vincular e introduce este código:",
  "github.link.expires":
    "El código caduca {expires}. Steward consulta a GitHub en segundo plano: en cuanto lo autorices, `/github show` mostrará tu cuenta. Steward no pide acceso a tus repositorios: solo lee quién eres.",
  "github.failed.expired":
    "El código de tu último `/github link` caducó antes de introducirse. Vuelve a ejecutar `/github link`.",
  "github.failed.denied": "Cancelaste tu último `/github link` en GitHub. No se ha vinculado nada.",
  "github.failed.taken":
    "La cuenta de GitHub @{login} ya está vinculada a otro miembro de este servidor: cada cuenta de GitHub solo puede pertenecer a un miembro. No se ha vinculado nada.",
  "github.failed.unreachable":
    "Tu último `/github link` no terminó: GitHub dejó de responder. Vuelve a ejecutar `/github link`.",
  "github.failed.unknownUser": "GitHub ya no tiene ningún usuario @{login}: tu último `/github link` no pudo terminar.",
  "github.show.linked":
    "Tu cuenta de GitHub: **@{login}** (id de GitHub {githubId}), vinculada {linked}. Las pull requests que creó cuentan como tuyas.",
  "github.show.none":
    "No tienes ninguna cuenta de GitHub vinculada. Vincula una con `/github link`: hasta entonces, tus enlaces de código son declaraciones, no hechos comprobados.",
  "github.show.gistPending":
    "Hay una prueba por gist pendiente para @{login} (caduca {expires}): pon el texto que te da `/github link login:{login}` en un gist público y vuelve a ejecutarlo.",
  "github.show.devicePending": "Hay una vinculación esperándote: introduce `{code}` en {uri} (caduca {expires}).",
  "github.unlinked":
    "La cuenta de GitHub @{login} ya no está vinculada. Tus pull requests vuelven a ser declaraciones hasta que ejecutes `/github link`.",
  "github.gist.linked":
    "La cuenta de GitHub **@{login}** está vinculada a ti: Steward encontró tu texto de verificación en su gist público. Las pull requests que creó cuentan como tuyas.",
  "github.gist.relinked":
    "La cuenta de GitHub **@{login}** está ahora vinculada a ti y sustituye a la anterior: Steward encontró tu texto de verificación en su gist público. Las pull requests que creó cuentan como tuyas.",
  "github.gist.notFound":
    "Ningún gist público de @{login} contiene aún tu texto de verificación (Steward ha leído sus gists públicos más recientes). Crea uno exactamente con este texto y vuelve a comprobarlo:",
  "github.gist.create":
    "Para demostrar que controlas la cuenta de GitHub @{login}, crea un gist **público** (https://gist.github.com) como @{login} que contenga exactamente este texto:",
  "github.gist.expires":
    "El texto de verificación caduca {expires}. Después pulsa **{button}** (o vuelve a ejecutar `/github link login:{login}`). Puedes borrar el gist una vez vinculada la cuenta.",
  "github.gist.check.button": "Comprobar mi gist",
  "github.draft.post":
    "<@{member}>, tu pull request {url} se ha fusionado. Steward ha preparado a partir de ella un borrador de contribución de código (borrador #{id}): **{title}**.\nNo se envía nada a menos que lo confirmes; una vez enviada, se evalúa con lo que GitHub dice de la PR.",
  "github.draft.submit.button": "Enviarla",
  "github.draft.discard.button": "Descartar",
  "github.draft.confirmed":
    "El borrador #{id} de {url} se ha enviado como contribución #{contributionId}; a continuación llega su evaluación.",
  "github.draft.discarded": "El borrador #{id} de {url} se ha descartado: no se ha enviado nada.",
} as const satisfies CatalogOf<typeof source>;
