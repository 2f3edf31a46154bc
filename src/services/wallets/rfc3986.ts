import { isIPv6 } from "node:net";

// RFC 3986's character classes, as regular-expression fragments.
const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT_ENCODED = "%[0-9A-Fa-f]{2}";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT_ENCODED})`;

const SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
const USERINFO = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT_ENCODED})*$`);
const REG_NAME = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT_ENCODED})*$`);
const IP_FUTURE = new RegExp(`^v[0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`);
const PORT = /^\d*$/;
const PATH_ABEMPTY = new RegExp(`^(?:/${PCHAR}*)*$`);
const PATH_ABSOLUTE = new RegExp(`^/(?:${PCHAR}+(?:/${PCHAR}*)*)?$`);
const PATH_ROOTLESS = new RegExp(`^${PCHAR}+(?:/${PCHAR}*)*$`);
const QUERY_OR_FRAGMENT = new RegExp(`^(?:${PCHAR}|[/?])*$`);
const PCHARS = new RegExp(`^${PCHAR}*$`);

export const isScheme = (text: string) => SCHEME.test(text);

/** `*pchar` (e.g. EIP-4361's request-id). */
export const isPchars = (text: string) => PCHARS.test(text);

/** RFC 3986 `authority = [ userinfo "@" ] host [ ":" port ]`, host being an IP literal, IPv4 address or reg-name. */
export function isAuthority(text: string): boolean {
  // Neither userinfo nor host may contain "@": at most one, and it ends the userinfo.
  const at = text.indexOf("@");
  if (at >= 0 && !USERINFO.test(text.slice(0, at))) return false;
  const hostPort = at >= 0 ? text.slice(at + 1) : text;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return false;
    const rest = hostPort.slice(close + 1);
    return isIpLiteral(hostPort.slice(1, close)) && (rest === "" || (rest.startsWith(":") && PORT.test(rest.slice(1))));
  }
  // A reg-name or IPv4 address has no ":", so the first one starts the port.
  const colon = hostPort.indexOf(":");
  const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
  return REG_NAME.test(host) && (colon < 0 || PORT.test(hostPort.slice(colon + 1)));
}

function isIpLiteral(inside: string): boolean {
  // RFC 3986 has no zone identifiers ("%eth0"), which Node's isIPv6 accepts.
  return IP_FUTURE.test(inside) || (!inside.includes("%") && isIPv6(inside));
}

/** RFC 3986 `URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]` (absolute, no relative references). */
export function isUri(text: string): boolean {
  // The hier-part holds no "?" or "#", the query no "#": these split the URI unambiguously.
  const match = /^([^:/?#]*):([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(text);
  if (!match) return false;
  const [, scheme = "", hier = "", query, fragment] = match;
  if (!SCHEME.test(scheme)) return false;
  if (query !== undefined && !QUERY_OR_FRAGMENT.test(query)) return false;
  if (fragment !== undefined && !QUERY_OR_FRAGMENT.test(fragment)) return false;
  if (hier.startsWith("//")) {
    const rest = hier.slice(2);
    const slash = rest.indexOf("/");
    const authority = slash >= 0 ? rest.slice(0, slash) : rest;
    return isAuthority(authority) && PATH_ABEMPTY.test(slash >= 0 ? rest.slice(slash) : "");
  }
  return hier === "" || PATH_ABSOLUTE.test(hier) || PATH_ROOTLESS.test(hier);
}
