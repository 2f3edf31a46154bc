import type { APIEmbed, APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import type { WalletKind } from "../../services/wallets/checkWalletSignature.ts";
import { textInputRow } from "./textInputRow.ts";

export const WALLET_VERIFY_FORM_PREFIX = "wallet-verify";

/**
 * The message to sign between ``` fences (copied as is), and how each kind of wallet signs it. The message stays as
 * Steward made it in every language: it is what the wallet signs and what the signature is checked against.
 */
export function walletChallengeView(
  t: Translator,
  c: { address: string; message: string; expiresAt: Date },
  chain: { chainId: number; contractWallets: boolean },
): string {
  const expires = `<t:${Math.floor(c.expiresAt.getTime() / 1000)}:R>`;
  return [
    t.t("wallet.challenge.sign", { address: c.address, expires }),
    chain.contractWallets
      ? t.t("wallet.challenge.howWithContracts", { chainId: String(chain.chainId) })
      : t.t("wallet.challenge.howWithoutContracts"),
    "```",
    c.message,
    "```",
  ].join("\n");
}

export function walletLinkedView(
  t: Translator,
  address: string,
  previousAddress: string | null,
  how?: { kind: WalletKind; chainId: number },
): string {
  const contract =
    !how || how.kind === "eoa"
      ? ""
      : t.t(how.kind === "erc6492" ? "wallet.linked.smartAccount" : "wallet.linked.contractWallet", {
          chainId: String(how.chainId),
        });
  if (previousAddress === null) return t.t("wallet.linked.first", { address, how: contract });
  if (previousAddress === address) return t.t("wallet.linked.again", { address, how: contract });
  return t.t("wallet.linked.replaced", { address, previous: previousAddress, how: contract });
}

/**
 * `/wallet verify` without a signature: a form, since slash-command text is one line and a wallet that hands back
 * the text it signed (a sign-in page, a tool) gives several.
 */
export function walletVerifyForm(t: Translator): APIModalInteractionResponseCallbackData {
  return {
    custom_id: WALLET_VERIFY_FORM_PREFIX,
    title: t.t("wallet.verify.modalTitle"),
    components: [
      textInputRow("signature", t.t("wallet.verify.signature.inputLabel"), "", 4000, true, true),
      textInputRow("message", t.t("wallet.verify.message.inputLabel"), "", 4000, true, false),
    ],
  };
}

/** `/wallet show`: the linked wallet and, when a chain answers, its token balance (`null`: the chain did not). */
export function walletShowView(
  t: Translator,
  wallet: { address: string; linkedAt: Date } | null,
  balance?: string | null,
): {
  content?: string;
  embeds?: APIEmbed[];
} {
  if (!wallet) return { content: t.t("wallet.show.none") };
  return {
    embeds: [
      {
        title: t.t("wallet.show.embedTitle"),
        color: 0x57f287,
        fields: [
          { name: t.t("wallet.show.address.fieldName"), value: wallet.address },
          {
            name: t.t("wallet.show.linked.fieldName"),
            value: `<t:${Math.floor(wallet.linkedAt.getTime() / 1000)}:f>`,
          },
          ...(balance === undefined
            ? []
            : [
                { name: t.t("wallet.show.balance.fieldName"), value: balance ?? t.t("wallet.show.balanceUnavailable") },
              ]),
        ],
      },
    ],
  };
}
