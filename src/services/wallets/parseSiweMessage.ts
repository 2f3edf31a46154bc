import { getAddress } from "ethers";
import { isAuthority, isPchars, isScheme, isUri } from "./rfc3986.ts";
import { SIWE_HEADER_SUFFIX, type SiweMessage } from "./siweMessage.ts";

/** The part of a message that breaks EIP-4361's ABNF, named for the person who has to fix it. */
export type SiweProblem =
  | "line_ending"
  | "header"
  | "address"
  | "address_checksum"
  | "blank_line"
  | "statement"
  | "uri"
  | "version"
  | "chain_id"
  | "nonce"
  | "issued_at"
  | "expiration_time"
  | "not_before"
  | "request_id"
  | "resource"
  | "unexpected_line"
  | "too_short";

export type SiweParse = { ok: true; message: SiweMessage } | { ok: false; line: number; problem: SiweProblem };

// statement = *( reserved / unreserved / " " ): printable ASCII without '"', '%', '<', '>', '\', '^', '`', '{', '|', '}'.
const STATEMENT = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;= ]*$/;
const NONCE = /^[A-Za-z0-9]{8,}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 `date-time` as an instant, or null when it is not one (a 31 February, an hour 24, no offset). */
export function parseRfc3339(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  // Second 60 is a leap second (RFC 3339 5.7): it is read as the instant after second 59.
  if (hour > 23 || minute > 59 || second > 60) return null;
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const sign = m[9] === "-" ? -1 : 1;
  const millis = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return new Date(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Parses a Sign-In with Ethereum message exactly as EIP-4361's ABNF defines it: LF line ends only, the fields in
 * their order, each value checked against its rule (RFC 3986 authority and URIs, RFC 3339 times, EIP-55 address).
 * A failure names the first line that breaks the grammar (counted from 1) and what was expected there.
 */
export function parseSiweMessage(text: string): SiweParse {
  const lines = text.split("\n");
  const cr = lines.findIndex((l) => l.includes("\r"));
  if (cr >= 0) return fail(cr, "line_ending");

  const header = lines[0] ?? "";
  if (!header.endsWith(SIWE_HEADER_SUFFIX)) return fail(0, "header");
  const origin = header.slice(0, -SIWE_HEADER_SUFFIX.length);
  const schemeEnd = origin.indexOf("://");
  const scheme = schemeEnd >= 0 ? origin.slice(0, schemeEnd) : undefined;
  const domain = schemeEnd >= 0 ? origin.slice(schemeEnd + 3) : origin;
  if ((scheme !== undefined && !isScheme(scheme)) || !isAuthority(domain)) return fail(0, "header");

  const address = lines[1];
  if (address === undefined) return fail(1, "too_short");
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return fail(1, "address");
  // getAddress of the lower-case form computes the checksum (it throws on a wrong mixed-case one).
  if (getAddress(address.toLowerCase()) !== address) return fail(1, "address_checksum");
  if (lines[2] !== "") return fail(2, lines[2] === undefined ? "too_short" : "blank_line");

  // `LF [ statement LF ] LF`: two blank lines without a statement, a blank line after it with one.
  let statement: string | undefined;
  let i: number;
  if (lines[3] === "" && lines[4] !== "") {
    i = 4;
  } else {
    statement = lines[3];
    if (statement === undefined) return fail(3, "too_short");
    if (!STATEMENT.test(statement)) return fail(3, "statement");
    if (lines[4] !== "") return fail(4, lines[4] === undefined ? "too_short" : "blank_line");
    i = 5;
  }

  const field = (prefix: string): string | undefined => {
    const line = lines[i];
    return line?.startsWith(prefix) ? line.slice(prefix.length) : undefined;
  };
  const required = (prefix: string, problem: SiweProblem, valid: (v: string) => boolean): string | SiweParse => {
    const value = field(prefix);
    if (value === undefined) return fail(i, lines[i] === undefined ? "too_short" : problem);
    if (!valid(value)) return fail(i, problem);
    i++;
    return value;
  };

  const uri = required("URI: ", "uri", isUri);
  if (typeof uri !== "string") return uri;
  const version = required("Version: ", "version", (v) => v === "1");
  if (typeof version !== "string") return version;
  const chainId = required("Chain ID: ", "chain_id", (v) => /^\d+$/.test(v));
  if (typeof chainId !== "string") return chainId;
  const nonce = required("Nonce: ", "nonce", (v) => NONCE.test(v));
  if (typeof nonce !== "string") return nonce;
  const issuedAt = required("Issued At: ", "issued_at", (v) => parseRfc3339(v) !== null);
  if (typeof issuedAt !== "string") return issuedAt;

  // The optional fields, each at most once and in this order.
  const optionalTime = (prefix: string, problem: SiweProblem): Date | undefined | SiweParse => {
    const value = field(prefix);
    if (value === undefined) return undefined;
    const date = parseRfc3339(value);
    if (!date) return fail(i, problem);
    i++;
    return date;
  };
  const expirationTime = optionalTime("Expiration Time: ", "expiration_time");
  if (isFailure(expirationTime)) return expirationTime;
  const notBefore = optionalTime("Not Before: ", "not_before");
  if (isFailure(notBefore)) return notBefore;
  const requestId = field("Request ID: ");
  if (requestId !== undefined) {
    if (!isPchars(requestId)) return fail(i, "request_id");
    i++;
  }
  let resources: string[] | undefined;
  if (lines[i] === "Resources:") {
    resources = [];
    for (i++; i < lines.length; i++) {
      const resource = field("- ");
      if (resource === undefined || !isUri(resource)) return fail(i, "resource");
      resources.push(resource);
    }
  }
  if (i < lines.length) return fail(i, "unexpected_line");

  return {
    ok: true,
    message: {
      scheme,
      domain,
      address,
      statement,
      uri,
      version: "1",
      chainId: BigInt(chainId),
      nonce,
      issuedAt: parseRfc3339(issuedAt) as Date,
      expirationTime,
      notBefore,
      requestId,
      resources,
    },
  };
}

const fail = (index: number, problem: SiweProblem): SiweParse => ({ ok: false, line: index + 1, problem });
const isFailure = (v: unknown): v is SiweParse => typeof v === "object" && v !== null && "ok" in v;
