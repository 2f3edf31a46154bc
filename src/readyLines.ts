import { urlOrigin, urlOriginsIn } from "./base/urlOrigin.ts";
import { redactSecrets, type Secret } from "./logger.ts";
import type { Steward } from "./startSteward.ts";

/**
 * What `steward start` prints on stdout once it is up: the chain, the HTTP API, the sandbox and where to point a
 * browser. The chain is shown by scheme and host only: an RPC provider's key sits in its URL's path.
 */
export function readyLines(steward: Pick<Steward, "chain" | "http" | "sandbox">, secrets: readonly Secret[]): string[] {
  const lines: string[] = [];
  const c = steward.chain;
  if (c) {
    lines.push(
      c.blocked
        ? `chain blocked: ${urlOriginsIn(redactSecrets(c.blocked, secrets))}`
        : `chain ready: ${urlOrigin(c.rpcUrl)} token=${c.token} distributor=${c.distributor}`,
    );
  }
  lines.push(`http ready: ${steward.http.url}`);
  if (steward.sandbox) {
    lines.push(`sandbox ready: ${steward.sandbox.url}`);
    lines.push(`open in a browser: the sandbox ${steward.sandbox.url}/ · the transparency page ${steward.http.url}/`);
  }
  return lines;
}
