import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { COLUMNS, exportEpoch, toCsv } from "../../src/services/audit/exportEpoch.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { isUserError } from "../../src/services/errors.ts";
import { seedTransparency } from "../helpers/seedTransparency.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
  await seedTransparency(deps.db, { members: 2, epochs: 2, perEpoch: 4 });
}, 60_000);
afterAll(() => database?.close());

describe("steward export", () => {
  it("gives every table its declared columns, in order, and a header even when empty", async () => {
    const books = await exportEpoch(deps, 2);
    expect(books.epoch).toMatchObject({ number: 2, status: "closed" });
    expect(books.contributions).toHaveLength(4);
    expect(books.evaluations).toHaveLength(4);
    expect(books.payouts).toHaveLength(2);
    for (const table of ["contributions", "evaluations", "payouts"] as const) {
      for (const row of books[table]) expect(Object.keys(row), table).toEqual([...COLUMNS[table]]);
    }
    expect(toCsv(books.votes, "votes")).toBe("proposal,voterDiscordId,choice,weight,conflicted,cast\r\n");
    expect(books.payouts.map((p) => p.amount)).toEqual(["2 STEW", "2 STEW"]);
  });

  it("writes CSV a spreadsheet reads as text: quotes, line breaks and formulas stay data", async () => {
    const c = await deps.db.contribution.findFirstOrThrow({ where: { epoch: { number: 1 } }, orderBy: { id: "asc" } });
    await deps.db.contribution.update({
      where: { id: c.id },
      data: { title: '=HYPERLINK("http://x","click"), "quoted"\nnext' },
    });
    const csv = toCsv((await exportEpoch(deps, 1)).contributions, "contributions");
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""click""), ""quoted""\nnext",`);
    expect(csv.split("\r\n")).toHaveLength(6);
  });

  it("refuses an epoch that does not exist, by its number", async () => {
    const error = await exportEpoch(deps, 9).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe("export_no_epoch");
  });
});
