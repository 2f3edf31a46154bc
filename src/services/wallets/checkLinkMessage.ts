import { getAddress } from "ethers";
import type { WalletChallenge } from "../../generated/prisma/client.ts";
import { UserError } from "../errors.ts";
import type { SiweMessage } from "./siweMessage.ts";
import type { WalletDeps } from "./walletDeps.ts";

/**
 * The rules a signed message must meet besides its signature: its request unused and unexpired (the message's own
 * Expiration Time too, and Not Before), for the request's address, and for this Steward as it is now — its domain,
 * URI and chain (a request made before Steward moved, or before it changed chains, is refused).
 */
export function checkLinkMessage(wallets: WalletDeps, challenge: WalletChallenge, m: SiweMessage, now: Date) {
  if (challenge.usedAt) throw new UserError("challenge_used", { usedAt: challenge.usedAt });
  const expiredAt = m.expirationTime && m.expirationTime < challenge.expiresAt ? m.expirationTime : challenge.expiresAt;
  if (expiredAt <= now) throw new UserError("challenge_expired", { expiredAt });
  if (m.notBefore && m.notBefore > now) throw new UserError("link_message_not_yet_valid", { notBefore: m.notBefore });
  if (getAddress(m.address) !== challenge.address)
    throw new UserError("link_message_wrong_address", { got: m.address, expected: challenge.address });
  const got = originText(m.scheme ?? "https", m.domain);
  const expected = originText(wallets.origin.scheme, wallets.origin.domain);
  if (got !== expected) throw new UserError("link_message_wrong_domain", { got, expected });
  if (m.chainId !== BigInt(wallets.chainId))
    throw new UserError("link_message_wrong_chain", { got: String(m.chainId), expected: wallets.chainId });
  if (m.uri !== wallets.origin.uri)
    throw new UserError("link_message_wrong_uri", { got: m.uri, expected: wallets.origin.uri });
}

/** scheme://authority with the scheme's default port left out and the host in lower case, as origins compare. */
function originText(scheme: string, domain: string): string {
  const s = scheme.toLowerCase();
  const at = domain.lastIndexOf("@");
  const userinfo = at >= 0 ? domain.slice(0, at + 1) : "";
  const defaultPort = s === "https" ? ":443" : s === "http" ? ":80" : null;
  let hostPort = domain.slice(at + 1).toLowerCase();
  if (defaultPort && hostPort.endsWith(defaultPort)) hostPort = hostPort.slice(0, -defaultPort.length);
  return `${s}://${userinfo}${hostPort}`;
}
