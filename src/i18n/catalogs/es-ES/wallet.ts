import type { CatalogOf } from "../catalogOf.ts";
import type { wallet as source } from "../en/wallet.ts";

export const wallet = {
  "wallet.challenge.sign":
    "Para vincular **{address}**, firma el mensaje de abajo con esa cartera y después ejecuta `/wallet verify signature:<la firma>`. La solicitud caduca {expires}.",
  "wallet.challenge.howWithContracts":
    "Es un mensaje de Sign-In with Ethereum (EIP-4361): una cartera lo firma con `personal_sign` (EIP-191), gratis, y no envía ninguna transacción. Una Safe u otra cartera de contrato lo firma como la propia cartera (EIP-1271, comprobado en la cadena {chainId}); una cuenta inteligente aún no desplegada firma con ERC-6492. El mensaje va en inglés, tal cual: es lo que se firma y se comprueba.",
  "wallet.challenge.howWithoutContracts":
    "Es un mensaje de Sign-In with Ethereum (EIP-4361): una cartera lo firma con `personal_sign` (EIP-191), gratis, y no envía ninguna transacción. Las carteras de contrato (Safes, cuentas inteligentes) no pueden vincularse aquí: este Steward no está conectado a ninguna cadena. El mensaje va en inglés, tal cual: es lo que se firma y se comprueba.",
  "wallet.linked.first": "La cartera **{address}** ya está vinculada. Tus recompensas se pagarán a ella.{how}",
  "wallet.linked.again": "La cartera **{address}** está vinculada (verificada de nuevo).{how}",
  "wallet.linked.replaced":
    "La cartera **{address}** ya está vinculada y sustituye a **{previous}**. Tus recompensas se pagarán a la nueva dirección.{how}",
  "wallet.linked.smartAccount": " Es una cuenta inteligente (ERC-6492): su firma se comprobó en la cadena {chainId}.",
  "wallet.linked.contractWallet":
    " Es una cartera de contrato (EIP-1271): su firma se comprobó en la cadena {chainId}.",
  "wallet.verify.modalTitle": "Termina de vincular tu cartera",
  "wallet.verify.signature.inputLabel": "Firma (0x…)",
  "wallet.verify.message.inputLabel": "El mensaje que firmaste (opcional)",
  "wallet.show.none":
    "Todavía no has vinculado ninguna cartera. Usa `/wallet link address:<tu dirección>` para empezar.",
  "wallet.show.embedTitle": "Tu cartera",
  "wallet.show.address.fieldName": "Dirección",
  "wallet.show.linked.fieldName": "Vinculada",
  "wallet.show.balance.fieldName": "Saldo",
  "wallet.show.balanceUnavailable": "no disponible: la cadena no respondió",
} as const satisfies CatalogOf<typeof source>;
