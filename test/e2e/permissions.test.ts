import { Wallet } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CommandPath } from "../../commands/index.ts";
import { commandAudience } from "../../src/discord/permissions.ts";
import { componentId, proposalPost, waitForMessage } from "../helpers/governance.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const DENIED = "Only members with the Moderator role can do this.";
const DENIED_JUROR = "Only members with the Juror role can do this.";
const PERSONAS = {
  member: { roles: ["Member"], moderator: false, juror: false },
  provider: { roles: ["Provider"], moderator: false, juror: false },
  noRole: { roles: [], moderator: false, juror: false },
  moderator: { roles: ["Member", "Moderator"], moderator: true, juror: false },
  juror: { roles: ["Member", "Juror"], moderator: false, juror: true },
} as const;
type Persona = keyof typeof PERSONAS;
const IN_GUILD = Object.keys(PERSONAS) as Persona[];

/** Options that make each command run (a missing contribution or proposal is a fine, clear answer). */
const OPTIONS: Record<CommandPath, Record<string, unknown>> = {
  "contribute submit": { title: "Matrix check", category: "docs", description: "Checked the permission matrix." },
  "contribute list": {},
  "contribute show": { id: 9999 },
  "contribute withdraw": { id: 9999 },
  "evaluation show": { contribution: 9999 },
  "evaluation override": { contribution: 9999, score: 50, reward: "1", reason: "matrix" },
  "evaluation clear": { contribution: 9999, reason: "matrix" },
  "evaluation usage": {},
  appeal: { contribution: 9999, reason: "matrix" },
  propose: { idea: "Hold a community call every month." },
  "epoch status": {},
  "epoch close": {},
  "jury next": {},
  "mentor request": {},
  "mentor accept": { newcomer: "member" },
  "mentor review": { contribution: 9999, comment: "matrix" },
  "mentor end": {},
  "mentor list": {},
  "proposal show": { proposal: 9999 },
  "proposal open": { proposal: 9999 },
  "payout approve": { proposal: 9999 },
  "payout reject": { proposal: 9999, reason: "matrix" },
  "payout status": { proposal: 9999 },
  "payout history": {},
  "payout retry": { proposal: 9999 },
  "payout claim": {},
  "payout return": { line: 9999 },
  "wallet link": { address: Wallet.createRandom().address },
  "wallet verify": { signature: "0x00" },
  "wallet show": {},
  "github link": {},
  "github show": {},
  "github unlink": {},
  help: {},
  "steward status": {},
  start: {},
  "steward settings budget-floor": { category: "docs", share: "15%" },
  "evaluation resolve-appeal": { appeal: 1, decision: "accept" },
  "proposal drafts": {},
  "policy show": {},
  "policy propose": { weights: "impact=2" },
  "node register": {
    name: "matrix",
    gpu_model: "H200",
    gpu_count: 1,
    vram_gb: 141,
    cpu_cores: 8,
    ram_gb: 64,
    region: "eu-west",
    price: "1",
    public_key: Wallet.createRandom().address,
  },
  "node list": {},
  "node show": { id: 9999 },
  "node update": { id: 9999, price: "2" },
  "node retire": { id: 9999 },
  "compute request": { gpu_count: 1, hours: 1, max_price: "1", purpose: "matrix" },
  "compute leases": {},
  "compute end": { lease: 9999 },
  "audit trace": { id: "proposal 9999" },
  "privacy show": {},
  "privacy show-name": { value: "on" },
  "privacy show-wallet": { value: "off" },
  notify: { votes: "on" },
};

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ QUORUM: "1", APPROVALS_REQUIRED: "2" });
  for (const [name, p] of Object.entries(PERSONAS)) await stack.client.createUser(name, [...p.roles]);
  await stack.client.createUser("outsider", ["Member"], { inGuild: false });
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

async function expectOutsiderRefused(body: Record<string, unknown>, path: string) {
  const refused = await stack.client.request<{ error: string }>("POST", path, { user: "outsider", ...body });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatch(
    /^outsider is not a member of the sandbox guild, and Discord shows a guild's commands/,
  );
}

describe("permission matrix", () => {
  it("every command × (Member, Provider, no role, Moderator, not in guild)", async () => {
    const paths = Object.keys(OPTIONS) as CommandPath[];
    expect(paths.sort()).toEqual((Object.keys(commandAudience) as CommandPath[]).sort());
    for (const path of paths) {
      for (const persona of IN_GUILD) {
        const result = await stack.client.run(persona, path, OPTIONS[path]);
        // Every command gives its final answer (no progress note left on screen, no timeout).
        expect(result.complete, `${path} as ${persona}`).toBeUndefined();
        const reply = finalResponse(result);
        const audience = commandAudience[path];
        const denied =
          (audience === "moderator" && !PERSONAS[persona].moderator) ||
          (audience === "juror" && !PERSONAS[persona].juror);
        const where = `${path} as ${persona}`;
        const deniedText = audience === "juror" ? DENIED_JUROR : DENIED;
        if (denied) {
          expect(reply.content, where).toBe(deniedText);
          expect(reply.ephemeral, where).toBe(true);
        } else {
          expect(reply.content, where).not.toBe(deniedText);
        }
        expect(reply.content, where).not.toMatch(/Something went wrong/);
      }
      await expectOutsiderRefused({ command: path, options: OPTIONS[path] }, "/sandbox/interactions");
    }
  }, 120_000);

  it("every governance button × the same people; denied clicks change nothing", async () => {
    const db = stack.steward.container.services.db;
    const recipient = Wallet.createRandom().address;
    const drafted = finalResponse(
      await stack.client.run("member", "propose", { idea: `Pay 50 STEW to ${recipient} for the matrix.` }),
    );
    const submitted = finalResponse(
      await stack.client.click("member", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);

    // Open vote: moderators only.
    const draftPost = await proposalPost(stack.client, id);
    const openId = componentId(draftPost, "Open vote (moderators)");
    for (const persona of ["member", "provider", "noRole"] as const) {
      expect(finalResponse(await stack.client.click(persona, draftPost.id, openId)).content).toBe(DENIED);
    }
    await expectOutsiderRefused({ messageId: draftPost.id, customId: openId }, "/sandbox/components");
    expect((await db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect(finalResponse(await stack.client.click("moderator", draftPost.id, openId)).content).toMatch(
      /is open for votes/,
    );

    // Voting: everyone in the guild (no VOTER_ROLES gate configured).
    const ballot = await proposalPost(stack.client, id);
    for (const persona of IN_GUILD) {
      const vote = finalResponse(await stack.client.click(persona, ballot.id, componentId(ballot, "For")));
      expect(vote.content, persona).toMatch(/^Your vote on proposal #\d+: \*\*For\*\*/);
    }
    await expectOutsiderRefused({ messageId: ballot.id, customId: componentId(ballot, "For") }, "/sandbox/components");

    stack.advanceClock(49 * 3_600_000);
    const result = await waitForMessage(
      stack.client,
      (m) => m.embeds[0]?.title === `Proposal #${id} · Passed · awaiting moderator approval`,
    );
    // Two approvals are required and only one member holds the moderator role: people are told, not left waiting.
    expect(textOf(result as never)).toContain(
      "It needs 2 approvals, but only 1 moderator can approve it. Give another member the moderator role, or reject it.",
    );
    for (const label of ["Approve payout", "Reject"]) {
      for (const persona of ["member", "provider", "noRole"] as const) {
        expect(finalResponse(await stack.client.click(persona, result.id, componentId(result, label))).content).toBe(
          DENIED,
        );
      }
      await expectOutsiderRefused(
        { messageId: result.id, customId: componentId(result, label) },
        "/sandbox/components",
      );
    }
    expect(await db.approval.count({ where: { proposalId: id } })).toBe(0);
    expect(finalResponse(await stack.client.click("moderator", result.id, componentId(result, "Reject"))).kind).toBe(
      "modal",
    );
    expect(
      finalResponse(await stack.client.click("moderator", result.id, componentId(result, "Approve payout"))).content,
    ).toBe(`You approved proposal #${id}: 1 of 2 approvals so far.`);
    expect((await db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("awaiting_approval");
  });

  it("moderators cannot decide money for themselves: override, clear or appeal decisions on their own work", async () => {
    const submitted = finalResponse(
      await stack.client.run("moderator", "contribute submit", {
        title: "Moderator's own work",
        description: "Wrote the moderation guide with examples for new moderators.",
        category: "docs",
      }),
    );
    const id = Number(/#(\d+)/.exec(submitted.content)?.[1]);
    await stack.steward.evaluationsIdle();
    const own = finalResponse(
      await stack.client.run("moderator", "evaluation override", {
        contribution: id,
        score: 100,
        reward: "100",
        reason: "self",
      }),
    );
    expect(own.content).toBe(
      `You cannot override the evaluation of contribution #${id}: it is your own, and nobody decides their own reward. Another moderator must do it.`,
    );
    expect(own.ephemeral).toBe(true);
    const clear = finalResponse(
      await stack.client.run("moderator", "evaluation clear", { contribution: id, reason: "self" }),
    );
    expect(clear.content).toMatch(/^You cannot clear the flagged evaluation of contribution #\d+: it is your own/);
    const db = stack.steward.container.services.db;
    expect(await db.evaluation.count({ where: { contributionId: id, purpose: "override" } })).toBe(0);
  });
});
