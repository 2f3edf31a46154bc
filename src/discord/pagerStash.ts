import { randomBytes } from "node:crypto";
import { STASH_MARK } from "./views/customIdCodec.ts";

/**
 * A list's filter too long for a custom id (Discord allows 100 characters) is kept here under a short key that the
 * Previous / Next buttons carry instead. It is memory only: a pager is used minutes after its command, and after a
 * restart the person is told to run the command again rather than shown a different list.
 */
const MAX_ENTRIES = 5_000;
const stash = new Map<string, string>();

export function stashValue(value: string): string {
  for (const [key, v] of stash) if (v === value) return key;
  if (stash.size >= MAX_ENTRIES) {
    const oldest = stash.keys().next().value;
    if (oldest !== undefined) stash.delete(oldest);
  }
  const key = `${STASH_MARK}${randomBytes(6).toString("base64url")}`;
  stash.set(key, value);
  return key;
}

export const unstashValue = (key: string): string | undefined => stash.get(key);
