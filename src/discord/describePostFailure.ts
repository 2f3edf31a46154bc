import { DiscordAPIError, HTTPError } from "discord.js";

/**
 * Why Discord refused or failed a post, in words a moderator can act on; null when the error is not Discord's.
 * Discord's own failures reach discord.js as HTTPError (a 5xx after its retries) or an abort (no answer within its
 * timeout), not as DiscordAPIError.
 */
export function describePostFailure(error: unknown): string | null {
  if (error instanceof PostRefused) return error.reason;
  if (error instanceof HTTPError) return `Discord is failing (it answered HTTP ${error.status})`;
  if (isDiscordTimeout(error)) return "Discord did not answer in time";
  if (isUnreachable(error)) return "Discord could not be reached";
  if (!(error instanceof DiscordAPIError)) return null;
  switch (error.code) {
    case 50001:
      return "I cannot see that channel (I lack View Channel there)";
    case 50013:
      return "I lack a permission there (Discord answered Missing Permissions)";
    case 10003:
      return "the channel no longer exists";
    case 10008:
      return "the message I was updating was deleted";
    case 50035:
      return "Discord refused the message as invalid (a bug on our side: the log has the details)";
    default:
      return error.status >= 500 ? `Discord is failing (it answered HTTP ${error.status})` : null;
  }
}

/** Discord's own failure (a 5xx, no answer in time, unreachable) as the start of a sentence; null for anything else. */
export function describeDiscordFailure(error: unknown): string | null {
  if (error instanceof HTTPError) return `Discord failed (it answered HTTP ${error.status})`;
  if (error instanceof DiscordAPIError && error.status >= 500)
    return `Discord failed (it answered HTTP ${error.status})`;
  if (isDiscordTimeout(error)) return "Discord did not answer in time";
  if (isUnreachable(error)) return "Discord could not be reached";
  return null;
}

/** discord.js gave up waiting for Discord's answer (its REST timeout): the request may still have been carried out. */
export const isDiscordTimeout = (error: unknown) => error instanceof Error && error.name === "AbortError";

/** The connection to Discord failed (fetch's TypeError, or a socket error code). */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR_)/.test(code)) {
    return true;
  }
  return error instanceof TypeError && error.message === "fetch failed";
}

/** A post Steward did not even try: the channel is missing, or the bot lacks a permission it needs there. */
export class PostRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
