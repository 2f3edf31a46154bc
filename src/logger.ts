import { type Logger, pino } from "pino";
import { urlOrigin } from "./base/urlOrigin.ts";
import { type Config, secretKeys, secretUrlKeys } from "./config.ts";

export type { Logger };

const CENSOR = "[redacted]";
const MAX_LOGGED_STRING = 1_000;
const SECRET_KEY = /token|password|passwd|secret|authorization|private_?key|api_?key/i;
/** A path segment, query value or user name of a secret URL this long is taken for a key and scrubbed on its own. */
const KEY_LIKE = 16;

/** A value to scrub, and what to show in its place ("[redacted]" unless said). */
export type Secret = string | { value: string; shownAs: string };

/**
 * The values of the configured secrets, to scrub wherever they appear. A URL setting (DATABASE_URL, RPC_URL,
 * OPENAI_BASE_URL) is shown as its scheme and host only; its password, and any key-like path segment, query value
 * or user name (an RPC provider's `/v3/<key>`), is scrubbed on its own too, in case an error quotes it alone.
 */
export function secretValues(config: Partial<Config>): Secret[] {
  const values: Secret[] = [];
  const urls: readonly string[] = secretUrlKeys;
  for (const key of secretKeys) {
    const v = config[key];
    if (typeof v !== "string") continue;
    if (urls.includes(key)) values.push(...urlSecrets(v));
    else if (v.length >= 6) values.push(v);
  }
  return values;
}

function urlSecrets(url: string): Secret[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // An unparseable URL is caught by config validation; scrub it whole.
    return url.length >= 6 ? [url] : [];
  }
  const shownAs = urlOrigin(url);
  const out: Secret[] = [];
  for (const form of new Set([url, parsed.href])) if (form !== shownAs) out.push({ value: form, shownAs });
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const password = decode(parsed.password);
  if (password.length >= 4) out.push(password);
  const parts = [
    parsed.username,
    ...parsed.pathname.split("/"),
    ...[...parsed.searchParams.values()],
    ...parsed.search.slice(1).split("&"),
  ];
  for (const part of parts) {
    for (const form of new Set([part, decode(part)])) if (form.length >= KEY_LIKE) out.push(form);
  }
  return out;
}

type Prepared = readonly { value: string; shownAs: string }[];
const preparedLists = new WeakMap<readonly Secret[], Prepared>();

/**
 * Longest first, so that a URL is shown as its origin before any part of it would be scrubbed on its own. Prepared
 * once per list: a logger scrubs every string of every line with the same list.
 */
function prepared(secrets: readonly Secret[]): Prepared {
  let list = preparedLists.get(secrets);
  if (!list) {
    list = secrets
      .map((s) => (typeof s === "string" ? { value: s, shownAs: CENSOR } : s))
      .filter((s) => s.value.length > 0)
      .sort((a, b) => b.value.length - a.value.length);
    preparedLists.set(secrets, list);
  }
  return list;
}

/** `text` with every known secret replaced (URLs by their scheme and host), for a message that is not logged. */
export function redactSecrets(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of prepared(secrets)) if (out.includes(s.value)) out = out.replaceAll(s.value, s.shownAs);
  return out;
}

/**
 * Replaces secret-looking keys at any depth and any occurrence of a known secret value in strings (error
 * messages, URLs), so a secret cannot reach the log however it was nested.
 */
export function scrub(value: unknown, secrets: readonly Secret[], depth = 0): unknown {
  if (depth > 8) return value;
  if (typeof value === "string") {
    const out = redactSecrets(value, secrets);
    // User input reaches logs inside errors and contexts: a log line never carries a 4,000-character paste uncut.
    return out.length > MAX_LOGGED_STRING ? `${out.slice(0, MAX_LOGGED_STRING)}…(${out.length} characters)` : out;
  }
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrub(value.message, secrets),
      stack: scrub(value.stack, secrets),
      ...scrubObject(value, secrets, depth),
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  if (value !== null && typeof value === "object") return scrubObject(value, secrets, depth);
  return value;
}

function scrubObject(value: object, secrets: readonly Secret[], depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const secretKey = SECRET_KEY.test(k) && v !== undefined && v !== null && !isAddress(v);
    out[k] = secretKey ? CENSOR : scrub(v, secrets, depth + 1);
  }
  return out;
}

/** A contract's or account's address (a `token` field is the reward token's): public, not a secret. */
const isAddress = (v: unknown) => typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v);

export function createLogger(options: {
  level: string;
  destination?: pino.DestinationStream;
  secrets?: readonly Secret[];
}): Logger {
  const secrets = options.secrets ?? [];
  const logger = pino(
    {
      level: options.level,
      base: { app: "steward" },
      // pino's `err` serializer runs before formatters, so errors are scrubbed as plain objects too. The message
      // itself (with its %s arguments, or an error's message) never passes through `log`: the hook scrubs it.
      formatters: { log: (obj) => scrub(obj, secrets) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (first instanceof Error && typeof rest[0] !== "string") {
            return method.apply(this, [{ err: first }, scrub(first.message, secrets) as string]);
          }
          return method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a, secrets) : a)) as typeof args);
        },
      },
    },
    options.destination,
  );
  // A child's bindings skip the formatters too (pino resets them for children): scrubbed here, for every
  // descendant, since children inherit this method.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, scrub(bindings, secrets) as typeof bindings, childOptions);
  } as typeof logger.child;
  return logger;
}
