import { formatSiweMessage } from "./siweMessage.ts";
import type { WalletLinkOrigin } from "./walletDeps.ts";

/**
 * The exact text a member signs to prove they control an address: a Sign-In with Ethereum message (EIP-4361),
 * signed with `personal_sign` (EIP-191) by an ordinary wallet, or as a contract wallet signs one (EIP-1271).
 */
export function walletChallengeMessage(c: {
  origin: WalletLinkOrigin;
  chainId: number;
  guildId: string;
  guildName?: string | undefined;
  discordId: string;
  address: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
}): string {
  return formatSiweMessage({
    scheme: c.origin.scheme === "https" ? undefined : c.origin.scheme,
    domain: c.origin.domain,
    address: c.address,
    statement: linkStatement(c),
    uri: c.origin.uri,
    version: "1",
    chainId: BigInt(c.chainId),
    nonce: c.nonce,
    issuedAt: c.issuedAt,
    expirationTime: c.expiresAt,
  });
}

function linkStatement(c: { guildId: string; guildName?: string | undefined; discordId: string }): string {
  const name = statementText(c.guildName ?? "");
  const server = name ? `the Discord server ${name} (${c.guildId})` : `the Discord server ${c.guildId}`;
  return `Link this wallet to your Discord account (user ${c.discordId}) in ${server} to receive Steward payouts. Signing is free: it sends no transaction and costs nothing.`;
}

/**
 * A server name as an EIP-4361 statement may hold it: only RFC 3986's reserved and unreserved characters and
 * spaces, so accents are dropped to their letter and anything else (emoji, quotes, other scripts) becomes a space.
 */
function statementText(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&()*+,;= ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 60)
    .trim();
}
