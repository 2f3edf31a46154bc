import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { templateDrafter } from "../../src/llm/proposalDrafters.ts";
import { draftProposal, parseBudget, submitProposalDraft } from "../../src/services/proposals/proposalDrafts.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("proposal drafts", () => {
  it("reads a budget request and checksums its recipient", () => {
    expect(parseBudget("", 18)).toBeNull();
    expect(parseBudget("12.5 STEW to 0x52908400098527886e0f7030069857d2e4169ee7", 18)).toEqual({
      amount: "12.5",
      recipient: "0x52908400098527886E0F7030069857D2E4169EE7",
    });
    expect(() => parseBudget("some 0x12", 18)).toThrow(expect.objectContaining({ code: "invalid_budget" }));
  });

  it("drafts offline without inventing a budget", async () => {
    const draft = await templateDrafter("STEW")("Host a monthly AMA with the core team so members can ask questions.");
    expect(draft.content.budget).toBeNull();
    expect(draft.content.motivation).toContain("so members can ask questions");
  });

  it("submits a draft exactly once, also when two submits race", async () => {
    const deps = serviceDeps(database);
    const me = actor("400000000000000001");
    const draft = await draftProposal(
      deps,
      me,
      "Buy a domain for the docs. Request 20 STEW to 0x52908400098527886E0F7030069857D2E4169EE7.",
    );
    const results = await Promise.allSettled([
      submitProposalDraft(deps, me, draft.id),
      submitProposalDraft(deps, me, draft.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await database.prisma.proposal.count()).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { action: "proposal.drafted" } })).toBe(1);
    await expect(submitProposalDraft(deps, actor("400000000000000002"), draft.id)).rejects.toMatchObject({
      code: "proposal_draft_not_found",
    });
  });
});
