import type { APIEmbed } from "discord-api-types/v10";

export function walletChallengeView(c: { address: string; message: string; expiresAt: Date }): string {
  const expires = `<t:${Math.floor(c.expiresAt.getTime() / 1000)}:R>`;
  return [
    `To link **${c.address}**, sign the message below with that wallet (\`personal_sign\`, EIP-191), then run \`/wallet verify signature:<the signature>\`. The request expires ${expires}.`,
    "```",
    c.message,
    "```",
  ].join("\n");
}

export function walletLinkedView(address: string, previousAddress: string | null): string {
  if (previousAddress === null) return `Wallet **${address}** is now linked. Your rewards will be paid to it.`;
  if (previousAddress === address) return `Wallet **${address}** is linked (verified again).`;
  return `Wallet **${address}** is now linked and replaces **${previousAddress}**. Your rewards will be paid to the new address.`;
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
