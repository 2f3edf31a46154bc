import type { APIEmbed, APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import type { WalletKind } from "../../services/wallets/checkWalletSignature.ts";
import { textInputRow } from "./textInputRow.ts";

export const WALLET_VERIFY_FORM_PREFIX = "wallet-verify";

/** The message to sign between ``` fences (copied as is), and how each kind of wallet signs it. */
export function walletChallengeView(
  c: { address: string; message: string; expiresAt: Date },
  chain: { chainId: number; contractWallets: boolean },
): string {
  const expires = `<t:${Math.floor(c.expiresAt.getTime() / 1000)}:R>`;
  const contracts = chain.contractWallets
    ? `A Safe or another contract wallet signs it as the wallet (EIP-1271, checked on chain ${chain.chainId}); a smart account not deployed yet signs with ERC-6492.`
    : "Contract wallets (Safes, smart accounts) cannot link here: this Steward is not connected to a chain.";
  return [
    `To link **${c.address}**, sign the message below with that wallet, then run \`/wallet verify signature:<the signature>\`. The request expires ${expires}.`,
    `It is a Sign-In with Ethereum message (EIP-4361): a wallet signs it with \`personal_sign\` (EIP-191), for free, and sends no transaction. ${contracts}`,
    "```",
    c.message,
    "```",
  ].join("\n");
}

export function walletLinkedView(
  address: string,
  previousAddress: string | null,
  how?: { kind: WalletKind; chainId: number },
): string {
  const contract =
    !how || how.kind === "eoa"
      ? ""
      : ` It is a ${how.kind === "erc6492" ? "smart account (ERC-6492)" : "contract wallet (EIP-1271)"}: its signature was checked on chain ${how.chainId}.`;
  if (previousAddress === null)
    return `Wallet **${address}** is now linked. Your rewards will be paid to it.${contract}`;
  if (previousAddress === address) return `Wallet **${address}** is linked (verified again).${contract}`;
  return `Wallet **${address}** is now linked and replaces **${previousAddress}**. Your rewards will be paid to the new address.${contract}`;
}

/**
 * `/wallet verify` without a signature: a form, since slash-command text is one line and a wallet that hands back
 * the text it signed (a sign-in page, a tool) gives several.
 */
export function walletVerifyForm(): APIModalInteractionResponseCallbackData {
  return {
    custom_id: WALLET_VERIFY_FORM_PREFIX,
    title: "Finish linking your wallet",
    components: [
      textInputRow("signature", "Signature (0x…)", "", 4000, true, true),
      textInputRow("message", "The message you signed (optional)", "", 4000, true, false),
    ],
  };
}

export function walletShowView(
  wallet: { address: string; linkedAt: Date } | null,
  balance?: { text: string } | { unavailable: string },
): {
  content?: string;
  embeds?: APIEmbed[];
} {
  if (!wallet)
    return { content: "You have not linked a wallet yet. Use `/wallet link address:<your address>` to start." };
  return {
    embeds: [
      {
        title: "Your wallet",
        color: 0x57f287,
        fields: [
          { name: "Address", value: wallet.address },
          { name: "Linked", value: `<t:${Math.floor(wallet.linkedAt.getTime() / 1000)}:f>` },
          ...(balance
            ? [{ name: "Balance", value: "text" in balance ? balance.text : `unavailable: ${balance.unavailable}` }]
            : []),
        ],
      },
    ],
  };
}
