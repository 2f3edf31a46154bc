import type { CatalogOf } from "../catalogOf.ts";
import type { privacy as source } from "../en/privacy.ts";

export const privacy = {
  "privacy.heading":
    "**En la página pública de transparencia, en las trazas y en las publicaciones de Steward en Discord (propuestas en #governance) apareces como:**",
  "privacy.name.shown": "Nombre: **{name}** (tu nombre de usuario: `/privacy show-name value:off` lo oculta)",
  "privacy.name.pseudonym":
    "Nombre: **{name}** (un seudónimo: `/privacy show-name value:on` muestra tu nombre de usuario)",
  "privacy.wallet.none": "Cartera: ninguna vinculada",
  "privacy.wallet.full": "Cartera: `{wallet}` (completa: `/privacy show-wallet value:off` la acorta)",
  "privacy.wallet.short": "Cartera: `{wallet}` (acortada: `/privacy show-wallet value:on` la muestra completa)",
  "privacy.discord":
    "Tu id de Discord nunca se muestra en la página. En Discord, las publicaciones te mencionan por tu nombre de Discord, así que una cartera mostrada junto a una contribución tuya sigue el ajuste de cartera de arriba: acortada, salvo que elijas mostrarla completa.",
  "privacy.changed.nameShown": "Tu nombre de usuario ahora se muestra públicamente.",
  "privacy.changed.nameHidden": "Tu nombre de usuario vuelve a estar oculto.",
  "privacy.changed.walletFull": "Tu dirección de cartera ahora se muestra completa públicamente.",
  "privacy.changed.walletShort": "Tu dirección de cartera vuelve a mostrarse acortada.",
} as const satisfies CatalogOf<typeof source>;
