import { urlOrigin } from "./base/urlOrigin.ts";
import type { Config } from "./config.ts";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether a URL points at this machine (127.0.0.1, localhost, ::1): a chain only the developer can reach. */
export function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return LOCAL_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}

/**
 * Why the sandbox must not start with these settings, or nothing. Its control API lets anyone who reaches it create
 * users with any role — moderators who approve payouts — so with a chain that is not the developer's own, or with a
 * treasury key that may hold real funds, it starts only when SANDBOX_REAL_CHAIN=1 says the operator means it.
 */
export function sandboxChainProblems(config: Config): string[] {
  if (config.DISCORD_TOKEN || config.SANDBOX_REAL_CHAIN) return [];
  const problems: string[] = [];
  const why =
    "the sandbox (no DISCORD_TOKEN) lets anyone who reaches it create moderators and approve payouts. Unset it for the sandbox's own local chain, set DISCORD_TOKEN for real Discord, or set SANDBOX_REAL_CHAIN=1 if you mean to run the sandbox against it";
  if (config.RPC_URL && !isLocalUrl(config.RPC_URL)) {
    problems.push(`RPC_URL: points at ${urlOrigin(config.RPC_URL)}, not at this machine, and ${why}`);
  }
  if (config.TREASURY_PRIVATE_KEY) problems.push(`TREASURY_PRIVATE_KEY: is set, and ${why}`);
  return problems;
}
