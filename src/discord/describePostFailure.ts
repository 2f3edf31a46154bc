import { DiscordAPIError } from "discord.js";

/** Why Discord refused a post, in words a moderator can act on; null when the error is not Discord refusing. */
export function describePostFailure(error: unknown): string | null {
  if (error instanceof PostRefused) return error.reason;
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
      return error.status >= 500 ? `Discord did not answer (HTTP ${error.status})` : null;
  }
}

/** A post Steward did not even try: the channel is missing, or the bot lacks a permission it needs there. */
export class PostRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
