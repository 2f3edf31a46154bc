import type { WalletChain } from "./walletChain.ts";

/** Who asks members to sign, as Sign-In with Ethereum (EIP-4361) names it: the scheme, the domain and the URI. */
export interface WalletLinkOrigin {
  /** Written in the message only when it is not https, the scheme EIP-4361 assumes. */
  scheme: string;
  /** An RFC 3986 authority: host and, when not the scheme's default, port. */
  domain: string;
  uri: string;
}

/** What linking wallets needs: who Steward is in the message, the chain it pays on, and that chain when it has one. */
export interface WalletDeps {
  origin: WalletLinkOrigin;
  /** The chain the messages name (EIP-155): payouts go there, and a contract wallet is asked there. */
  chainId: number;
  /** Absent without a chain: contract wallets (Safes, smart accounts) cannot be checked, so cannot link. */
  chain?: WalletChain | undefined;
}

/** The origin of Steward's public URL (`PUBLIC_URL`, else the address its HTTP server listens on). */
export function walletLinkOrigin(publicUrl: string): WalletLinkOrigin {
  const url = new URL(publicUrl);
  // URL.host leaves out userinfo and a default port: "steward.example", "127.0.0.1:3000", "[::1]:8080".
  return { scheme: url.protocol.slice(0, -1), domain: url.host, uri: url.href };
}
