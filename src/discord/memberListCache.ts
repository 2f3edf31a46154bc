import type { Electorate, GuildMemberProfile } from "../services/votes/governanceSettings.ts";

/** How old a member list a view may show (who could approve a payout); a vote's snapshot is always read fresh. */
export const MEMBER_LIST_MAX_AGE_MS = 5 * 60_000;

/**
 * The electorate with a per-guild cache for views: `recentMembers` answers from the last list (refreshing it in the
 * background once older than `maxAgeMs`), so rendering a proposal never pages through 5,000 members; `members`
 * still reads the whole list (a vote's snapshot) and refreshes the cache with it.
 */
export function withMemberListCache(
  electorate: Electorate,
  options: { maxAgeMs?: number; now?: () => number } = {},
): Electorate {
  const maxAgeMs = options.maxAgeMs ?? MEMBER_LIST_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const lists = new Map<string, { members: GuildMemberProfile[]; at: number }>();
  const reading = new Map<string, Promise<GuildMemberProfile[]>>();

  function read(guildId: string): Promise<GuildMemberProfile[]> {
    const running = reading.get(guildId);
    if (running) return running;
    const started = now();
    const read = electorate
      .members(guildId)
      .then((members) => {
        lists.set(guildId, { members, at: started });
        return members;
      })
      .finally(() => reading.delete(guildId));
    reading.set(guildId, read);
    return read;
  }

  return {
    ...electorate,
    members: read,
    async recentMembers(guildId) {
      const cached = lists.get(guildId);
      if (!cached) return read(guildId);
      // Stale: shown as it was while the next list is read; a failed refresh keeps the last one.
      if (now() - cached.at > maxAgeMs) read(guildId).catch(() => {});
      return cached.members;
    },
  };
}
