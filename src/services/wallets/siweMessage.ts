/** The fields of a Sign-In with Ethereum message (EIP-4361), in the order the message writes them. */
export interface SiweMessage {
  /** Written only when given; EIP-4361 assumes https without it. */
  scheme?: string | undefined;
  /** An RFC 3986 authority: who asks for the signature. */
  domain: string;
  /** EIP-55 checksummed. */
  address: string;
  /** One line of ASCII, no line break. */
  statement?: string | undefined;
  uri: string;
  version: "1";
  /** EIP-155; `1*DIGIT` has no upper bound, hence a bigint. */
  chainId: bigint;
  nonce: string;
  issuedAt: Date;
  expirationTime?: Date | undefined;
  notBefore?: Date | undefined;
  requestId?: string | undefined;
  resources?: string[] | undefined;
}

export const SIWE_HEADER_SUFFIX = " wants you to sign in with your Ethereum account:";

/** The message exactly as EIP-4361's ABNF lays it out (LF line ends, no final LF); times in RFC 3339 UTC. */
export function formatSiweMessage(m: SiweMessage): string {
  const lines = [
    `${m.scheme ? `${m.scheme}://` : ""}${m.domain}${SIWE_HEADER_SUFFIX}`,
    m.address,
    "",
    // With a statement: a blank line, the statement, a blank line; without: two blank lines.
    ...(m.statement === undefined ? [] : [m.statement]),
    "",
    `URI: ${m.uri}`,
    `Version: ${m.version}`,
    `Chain ID: ${m.chainId}`,
    `Nonce: ${m.nonce}`,
    `Issued At: ${m.issuedAt.toISOString()}`,
  ];
  if (m.expirationTime) lines.push(`Expiration Time: ${m.expirationTime.toISOString()}`);
  if (m.notBefore) lines.push(`Not Before: ${m.notBefore.toISOString()}`);
  if (m.requestId !== undefined) lines.push(`Request ID: ${m.requestId}`);
  if (m.resources) lines.push("Resources:", ...m.resources.map((r) => `- ${r}`));
  return lines.join("\n");
}
