import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { ensureMember } from "../../src/services/members/ensureMember.ts";
import { recordMemberLocale } from "../../src/services/members/recordMemberLocale.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("a member's recorded language", () => {
  it("is kept from their first interaction, rewritten only when it changes, and never touches the rest of the row", async () => {
    const clock = { now: new Date("2026-12-07T12:00:00Z") };
    const deps = serviceDeps(database, clock);
    const actor = { guildId: "930000000000000001", discordId: "830000000000000001", username: "li" };
    // The row a write changes gets a new system version (xmin); one left alone keeps it.
    const row = async () =>
      (
        await deps.db.$queryRawUnsafe<{ locale: string | null; xmin: string; username: string }[]>(
          `SELECT "locale", xmin::text AS "xmin", "username" FROM "Member" WHERE "guildId" = $1 AND "discordId" = $2`,
          actor.guildId,
          actor.discordId,
        )
      )[0];

    // First contact is the command itself (nothing made the row before): the language is there already.
    await recordMemberLocale(deps, actor, "zh-CN");
    const first = await row();
    expect(first).toMatchObject({ locale: "zh-CN", username: "li" });

    await recordMemberLocale(deps, actor, "zh-CN");
    expect(await row()).toEqual(first);

    await recordMemberLocale(deps, actor, "es-ES");
    const changed = await row();
    expect(changed?.locale).toBe("es-ES");
    expect(changed?.xmin).not.toBe(first?.xmin);

    // The handler's own first-contact upsert of the same member keeps the language.
    await ensureMember(deps.db, { ...actor, username: "li2" }, clock.now);
    expect(await row()).toMatchObject({ locale: "es-ES", username: "li2" });
    expect(await deps.db.member.count({ where: { guildId: actor.guildId } })).toBe(1);
  });
});
