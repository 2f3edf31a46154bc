import type { CatalogOf } from "../catalogOf.ts";
import type { start as source } from "../en/start.ts";

export const start = {
  "start.embedTitle": "Te damos la bienvenida a Steward",
  "start.intro":
    "Steward paga a los miembros de **{guild}** por su trabajo. Tú describes lo que hiciste; un evaluador lo puntúa según una rúbrica pública y sugiere una recompensa, y unas personas lo revisan. Al final de cada época los miembros votan las recompensas, los moderadores aprueban el pago y este se envía en cadena a tu cartera. Cada paso queda registrado en el registro de auditoría.",
  "start.judged.fieldName": "Cómo se evalúa el trabajo",
  "start.judged.policy":
    "Según la versión {version} de la política de evaluación, que votaron los miembros: `/policy show` muestra sus criterios y pesos. Cada evaluación muestra sus puntuaciones y las pruebas que cita, y puedes recurrirla con `/appeal`.",
  "start.judged.config":
    "Según la rúbrica que configuró este servidor: `/policy show` muestra sus criterios y pesos. Cada evaluación muestra sus puntuaciones y las pruebas que cita, y puedes recurrirla con `/appeal`.",
  "start.transparency": "Todos los pagos y sus motivos son públicos en la página de transparencia: {url}",
  "start.wallet.fieldName": "1. Vincula una cartera",
  "start.wallet.linked": "Vinculado: **{address}** ✓ Tus recompensas se pagan a esta dirección.",
  "start.wallet.missing":
    "Aún no está vinculado: tus recompensas esperan a que vincules una cartera (se reservan, no se pierden). Pulsa **Vincular mi cartera**, indica tu dirección y firma el mensaje que aparece: es gratis y no envía ninguna transacción.",
  "start.contribute.fieldName": "2. Envía tu trabajo",
  "start.contribute.none":
    "Todavía no has enviado nada. Elige abajo el tipo de trabajo para abrir el formulario. La documentación, las traducciones, el diseño, la investigación, la comunidad y las operaciones también se recompensan, no solo el código.",
  "start.contribute.some":
    "{count, plural, one {Has enviado # contribución} other {Has enviado # contribuciones}}: {count, plural, one {consúltala} other {consúltalas}} con `/contribute list`, o elige abajo un tipo de trabajo para enviar más.",
  "start.vote.fieldName": "3. Vota",
  "start.vote":
    "Los miembros votan las propuestas y las recompensas de cada época con los botones de cada propuesta en el canal de gobernanza. Con `/notify` configuras recordatorios para no perderte ninguna votación.",
  "start.wallet.button": "Vincular mi cartera",
  "start.walletChange.button": "Cambiar mi cartera",
  "start.voting.button": "Cómo funcionan las votaciones",
  "start.contribute.placeholder": "Envía tu trabajo: elige el tipo…",
  "start.category.optionLabel":
    "{category, select, code {Código} docs {Documentación y traducciones} design {Diseño} research {Investigación} community {Comunidad y eventos} ops {Operaciones} other {Otra cosa}}",
  "start.walletForm.modalTitle": "Vincula tu cartera",
  "start.walletForm.inputLabel": "Dirección de tu cartera (0x…)",
  "start.voting":
    "**Cómo funcionan aquí las votaciones**\n- Cada votación está abierta {period} y usa el tipo de votación `{type}` de Snapshot.\n- Una propuesta se aprueba con más del {threshold} de los votos a favor y en contra{quorum, select, none {} other {, una vez alcanzado el cuórum de {quorum}}}.\n- Un pago aprobado se envía cuando {approvals, plural, one {lo aprueba # moderador} other {lo aprueban # moderadores}}, nunca uno que lo cobre.\n- Se paga exactamente lo que se votó: la lista de pagos queda fijada (con su hash) al abrirse la votación.",
  "start.period.days": "{n, plural, one {# día} other {# días}}",
  "start.period.hours": "{n, plural, one {# hora} other {# horas}}",
  "start.period.minutes": "{n, plural, one {# minuto} other {# minutos}}",
} as const satisfies CatalogOf<typeof source>;
