import { describe, expect, it } from "vitest";
import { withMemberListCache } from "../../src/discord/memberListCache.ts";
import type { GuildMemberProfile } from "../../src/services/votes/governanceSettings.ts";

const member = (n: number): GuildMemberProfile => ({
  discordId: String(n),
  username: `m${n}`,
  roles: [],
  joinedAt: null,
  bot: false,
});

/** A member list that counts its reads and grows by one member each time it is read. */
function countingElectorate() {
  const reads: string[] = [];
  return {
    reads,
    electorate: {
      async members(guildId: string) {
        reads.push(guildId);
        return Array.from({ length: reads.length }, (_, k) => member(k));
      },
    },
  };
}

describe("the member list cache", () => {
  it("answers views from the last list instead of reading the whole list per render", async () => {
    const { reads, electorate } = countingElectorate();
    let now = 0;
    const cached = withMemberListCache(electorate, { maxAgeMs: 60_000, now: () => now });
    const recent = cached.recentMembers as NonNullable<typeof cached.recentMembers>;
    expect(await recent("g")).toHaveLength(1);
    now = 59_000;
    for (let k = 0; k < 5; k++) expect(await recent("g")).toHaveLength(1);
    expect(reads).toEqual(["g"]);
    // Another guild has its own list.
    expect(await recent("h")).toHaveLength(2);
    expect(reads).toEqual(["g", "h"]);
  });

  it("refreshes a stale list in the background, showing the last one meanwhile", async () => {
    const { reads, electorate } = countingElectorate();
    let now = 0;
    const cached = withMemberListCache(electorate, { maxAgeMs: 60_000, now: () => now });
    const recent = cached.recentMembers as NonNullable<typeof cached.recentMembers>;
    await recent("g");
    now = 61_000;
    expect(await recent("g")).toHaveLength(1);
    await new Promise((r) => setImmediate(r));
    expect(reads).toHaveLength(2);
    expect(await recent("g")).toHaveLength(2);
  });

  it("reads the whole list for a vote's snapshot, and keeps that list for views", async () => {
    const { reads, electorate } = countingElectorate();
    const cached = withMemberListCache(electorate, { maxAgeMs: 60_000, now: () => 0 });
    await cached.members("g");
    expect(await cached.members("g")).toHaveLength(2);
    expect(await cached.recentMembers?.("g")).toHaveLength(2);
    expect(reads).toHaveLength(2);
  });
});
