/** The exact text a member signs with `personal_sign` (EIP-191) to prove they control an address. */
export function walletChallengeMessage(c: {
  guildId: string;
  discordId: string;
  address: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
}): string {
  return [
    "Steward wallet link",
    "",
    "Sign this message to link this address to your Steward membership. Signing is free and sends no transaction.",
    "",
    `Guild: ${c.guildId}`,
    `Member: ${c.discordId}`,
    `Address: ${c.address}`,
    `Nonce: ${c.nonce}`,
    `Issued: ${c.issuedAt.toISOString()}`,
    `Expires: ${c.expiresAt.toISOString()}`,
  ].join("\n");
}
