import { isIP } from "node:net";

/** What fastify's `trustProxy` takes: trust no proxy, every proxy, this many hops, or these addresses and ranges. */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's names for the private ranges (127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, RFC 1918 and fc00::/7). */
const PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY as written: `false` (default: the connecting address is the client), `true` (every proxy: only when
 * nothing reaches Steward but through yours), a number of hops (1-9), or addresses and CIDR ranges separated by
 * commas. Null when it is none of these.
 */
export function parseTrustProxy(text: string): TrustProxy | null {
  const value = text.trim().toLowerCase();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^[1-9]$/.test(value)) return Number(value);
  const items = value
    .split(",")
    .map((i) => i.trim())
    .filter(Boolean);
  const valid = (item: string) => {
    if (PRESETS.has(item)) return true;
    const [address = "", prefix, extra] = item.split("/");
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  };
  return items.length > 0 && items.every(valid) ? items : null;
}
