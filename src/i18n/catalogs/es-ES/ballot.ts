import type { CatalogOf } from "../catalogOf.ts";
import type { ballot as source } from "../en/ballot.ts";

export const ballot = {
  "ballot.for.button": "A favor",
  "ballot.against.button": "En contra",
  "ballot.abstain.button": "Abstención",
  "ballot.approval.placeholder": "Aprueba cuantas opciones quieras",
  "ballot.spreadPoints.button": "Reparte tus puntos",
  "ballot.rank.placeholder": "Elige tu {position, selectordinal, other {#.ª}} opción",
  "ballot.points.placeholder": "Puntos para «{choice}»",
  "ballot.points.optionLabel": "{count, plural, one {# punto} other {# puntos}}",
  "ballot.choiceNumber": "opción {n}",
  "ballot.noneOfTheChoices": "ninguna de las opciones",
  "ballot.choicePoints": "{choice}: {count, plural, one {# punto} other {# puntos}}",
  "ballot.ranked": "{position, selectordinal, other {#.ª}} {choice}",
  "ballot.unchanged":
    "Ya votaste **{vote}** en la propuesta n.º {id} (peso {weight}); no ha cambiado nada. Puedes cambiar tu voto hasta el {until}.",
  "ballot.recorded":
    "Tu voto en la propuesta n.º {id}: **{vote}**{replaced, select, yes { (sustituye a tu voto anterior: {previous})} other {}}, peso {weight}.{conflicted, select, yes { Tu cartera recibe un pago en esta propuesta, así que el resultado también se muestra sin tu voto.} other {}} Cuenta el último voto: puedes cambiarlo hasta el {until}.",
  "ballot.rankingSoFar": "Tu clasificación en la propuesta n.º {id} hasta ahora: {ranking}.",
  "ballot.spread":
    "Reparte hasta {max} puntos en cada opción de la propuesta n.º {id}; tu peso se divide en proporción{quadratic, select, yes { (cuadrática: cada opción cuenta la raíz cuadrada de su parte)} other {}}.{sofar}",
  "ballot.spreadSoFar": " Hasta ahora: {given}.",
} as const satisfies CatalogOf<typeof source>;
