import { DiscordAPIError, HTTPError } from "discord.js";
import type { Translator } from "../i18n/translator.ts";

/** Why a post failed, as a fact: worded by `postFailureText` in the language of whoever reads it. */
export type PostFailure =
  | { kind: "not_connected" }
  | { kind: "no_channel"; channel: string }
  | { kind: "missing_permissions"; permissions: PostPermissionName[] }
  | { kind: "discord_failing"; status: number }
  | { kind: "timeout" }
  | { kind: "unreachable" }
  | { kind: "no_view_channel" }
  | { kind: "missing_access" }
  | { kind: "channel_gone" }
  | { kind: "message_gone" }
  | { kind: "invalid_message" }
  | { kind: "steward_error" }
  | { kind: "subject_gone" };

/** The permissions a post needs, by Discord's English label (`postPermissions.ts`). */
export type PostPermissionName = "View Channel" | "Send Messages" | "Embed Links" | "Read Message History";

/**
 * Why Discord refused or failed a post, as a fact a moderator can act on once worded; null when the error is not
 * Discord's. Discord's own failures reach discord.js as HTTPError (a 5xx after its retries) or an abort (no answer
 * within its timeout), not as DiscordAPIError.
 */
export function describePostFailure(error: unknown): PostFailure | null {
  if (error instanceof PostRefused) return error.failure;
  if (error instanceof HTTPError) return { kind: "discord_failing", status: error.status };
  if (isDiscordTimeout(error)) return { kind: "timeout" };
  if (isUnreachable(error)) return { kind: "unreachable" };
  if (!(error instanceof DiscordAPIError)) return null;
  switch (error.code) {
    case 50001:
      return { kind: "no_view_channel" };
    case 50013:
      return { kind: "missing_access" };
    case 10003:
      return { kind: "channel_gone" };
    case 10008:
      return { kind: "message_gone" };
    case 50035:
      return { kind: "invalid_message" };
    default:
      return error.status >= 500 ? { kind: "discord_failing", status: error.status } : null;
  }
}

/** A post failure in words (the end of a sentence: "I could not post it in #x: …"). */
export function postFailureText(t: Translator, f: PostFailure): string {
  switch (f.kind) {
    case "no_channel":
      return t.t("errors.postFailure.no_channel", { channel: f.channel });
    case "missing_permissions":
      return t.t("errors.postFailure.missing_permissions", {
        count: f.permissions.length,
        permissions: t.list(f.permissions.map((p) => permissionLabel(t, p))),
      });
    case "discord_failing":
      return t.t("errors.postFailure.discord_failing", { status: String(f.status) });
    default:
      return t.t(`errors.postFailure.${f.kind}`);
  }
}

/** A permission as Discord's own client shows it in the reader's language. */
export function permissionLabel(t: Translator, name: PostPermissionName): string {
  return t.t("errors.permission", { name: name.replaceAll(" ", "_") });
}

/** Discord's own failure (a 5xx, no answer in time, unreachable), as a fact; null for anything else. */
export type DiscordFailure = { kind: "http"; status: number } | { kind: "timeout" } | { kind: "unreachable" };

export function describeDiscordFailure(error: unknown): DiscordFailure | null {
  if (error instanceof HTTPError) return { kind: "http", status: error.status };
  if (error instanceof DiscordAPIError && error.status >= 500) return { kind: "http", status: error.status };
  if (isDiscordTimeout(error)) return { kind: "timeout" };
  if (isUnreachable(error)) return { kind: "unreachable" };
  return null;
}

/** Discord's failure as the start of a sentence ("Discord did not answer in time while I was answering…"). */
export function discordFailureText(t: Translator, f: DiscordFailure): string {
  return f.kind === "http"
    ? t.t("errors.discordFailure.http", { status: String(f.status) })
    : t.t(`errors.discordFailure.${f.kind}`);
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
  constructor(readonly failure: PostFailure) {
    super(failure.kind);
  }
}
