import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost, resultPost, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { until } from "../helpers/until.ts";

let stack: TestStack;
let earlyRequest = "";
beforeAll(async () => {
  stack = await startTestStack({
    MENTOR_SHARE: "10%",
    MENTOR_REVIEW_WAIT: "24h",
    VOTING_PERIOD: "1h",
    QUORUM: "1",
    APPROVALS_REQUIRED: "2",
  });
  // Before the server has a Mentor role, nobody could take a request: it is refused, saying why.
  await stack.client.createUser("early", ["Member"], { locale: "en-US" });
  earlyRequest = textOf(finalResponse(await stack.client.run("early", "mentor request")));
  // A server that made a Mentor role (the sandbox has the built-in roles only).
  const made = await stack.client.request<{ id: string }>("POST", "/sandbox/roles", { name: "Mentor" });
  const mentorRole = made.body.id;
  const guild = stack.steward.client.guilds.cache.get(stack.sandbox.guildId);
  await until("the Mentor role to reach the bot", async () => guild?.roles.cache.has(mentorRole) === true);
  await stack.client.createUser("nina", ["Member"], { locale: "en-US" });
  await stack.client.createUser("maya", ["Member", mentorRole], { locale: "en-US" });
  await stack.client.createUser("mod", ["Member", "Moderator"]);
  await stack.client.createUser("mod2", ["Member", "Moderator"]);
  await stack.client.createUser("otto", ["Member"]);
  await stack.client.createUser("ottoalt", ["Member", mentorRole]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const idOf = async (name: string) => {
  const db = stack.steward.container.services.db;
  return (await db.member.findFirstOrThrow({ where: { username: name } })).discordId;
};

describe("mentorship, from /start to the distribution", () => {
  it("refuses a request while the server has no Mentor role, saying why", () => {
    expect(earlyRequest).toBe(
      "This server has no Mentor role yet, so nobody could take your request. Ask a moderator to create the role and give it to the members who will mentor, then ask again.",
    );
  });

  it("a newcomer is mentored, submits, the note shows with the evaluation, and the mentor's share is in the distribution", async () => {
    const db = stack.steward.container.services.db;
    await linkWallet(stack.client, "nina");
    const mayaWallet = await linkWallet(stack.client, "maya");

    // /start offers a mentor where the server has the role, and the button asks for one.
    const guide = finalResponse(await stack.client.run("nina", "start"));
    expect(guide.embeds[0]?.fields?.map((f) => f.name)).toContain("5. A mentor");
    const asked = finalResponse(
      await stack.client.click("nina", guide.messageId as string, componentId(guide, "Find a mentor")),
    );
    expect(asked.ephemeral).toBe(true);
    expect(asked.content).toMatch(/^You asked for a mentor\./);
    const nina = await idOf("nina");

    // Mentors see the request in #governance and accept it with its button.
    const request = await waitForMessage(stack.client, (m) => m.content.includes("asks for a mentor"));
    expect(request.content).toContain(`<@${nina}>`);
    const accepted = finalResponse(
      await stack.client.click("maya", request.id, componentId(request, "Accept as mentor")),
    );
    expect(accepted.content).toMatch(new RegExp(`^You are now <@${nina}>'s mentor\\.`));
    const maya = await idOf("maya");
    // The newcomer hears it in #governance: mentioned (and only they are), the mentor named.
    const told = await waitForMessage(stack.client, (m) => m.content.includes("accepted to be your mentor"));
    expect(told.content).toMatch(new RegExp(`^<@${nina}>: <@${maya}> accepted to be your mentor\\.`));
    expect(told.mentions).toEqual({ everyone: false, users: [nina], roles: [] });
    const after = finalResponse(await stack.client.run("nina", "start"));
    expect(textOf(after)).toContain(`<@${maya}> is your mentor.`);

    // The newcomer submits: the evaluation waits for the mentor, who is told.
    const submitted = finalResponse(
      await stack.client.run("nina", "contribute submit", {
        title: "Onboarding guide",
        category: "docs",
        description:
          "Wrote the onboarding guide for new members: linking a wallet, submitting work, how evaluations and votes work, with screenshots.",
        link1: "https://docs.example.org/onboarding",
      }),
    );
    const id = Number(/#(\d+)/.exec(submitted.content)?.[1]);
    const due = await waitForMessage(stack.client, (m) => m.content.includes(`contribution #${id}`));
    expect(due.content).toContain(`<@${maya}>`);
    await stack.steward.evaluationsIdle();
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");

    const reviewed = finalResponse(
      await stack.client.run("maya", "mentor review", {
        contribution: id,
        comment: "Clear and complete; a glossary would help readers new to DAOs.",
      }),
    );
    expect(reviewed.content).toContain(`Your note on contribution #${id} is recorded.`);
    await stack.steward.evaluationsIdle();
    const evaluation = await waitForMessage(
      stack.client,
      (m) => m.embeds[0]?.fields?.some((f) => f.name === "Mentor's note (not a score)") === true,
      20_000,
      "contributions",
    );
    const note = evaluation.embeds[0]?.fields?.find((f) => f.name === "Mentor's note (not a score)");
    expect(note?.value).toContain("a glossary would help readers new to DAOs");
    // The note is in the contribution's audit trace too.
    const trace = finalResponse(await stack.client.run("nina", "audit trace", { id: `contribution ${id}` }));
    expect(textOf(trace)).toContain("Mentor's note before the evaluation (not a score)");

    // The epoch closes: the mentor's line is in the distribution the members vote on.
    const closed = finalResponse(await stack.client.run("mod", "epoch close"));
    expect(closed.content).toMatch(/^Epoch 1 is closed/);
    const proposal = await db.proposal.findFirstOrThrow({ where: { kind: "distribution" } });
    const reward = BigInt(
      (await db.evaluation.findUniqueOrThrow({ where: { activeFor: id } })).suggestedReward.toFixed(),
    );
    const share = (reward * 10n) / 100n;
    const batch = proposal.batch as { recipient: string; amount: string; refs: string[] }[];
    const line = batch.find((e) => e.recipient === mayaWallet.address);
    expect(BigInt(line?.amount ?? "0")).toBe(share);
    expect(line?.refs.some((r) => r.startsWith("mentor:"))).toBe(true);
    expect(proposal.specification).toContain(
      `Mentors: 10% of a newcomer's first paid contribution, from the epoch budget: `,
    );
    expect(proposal.specification).toContain(`to <@${maya}> for mentoring <@${nina}> (contribution #${id})`);
    const post = await proposalPost(stack.client, proposal.id);
    expect(textOf(post)).toContain("Mentors: 10%");
    // Members see whose line is the mentor's before they vote.
    expect(textOf(post)).toContain("(mentor's share)");

    // Voted and approved with the rest: the batch settlement pays holds the mentor's line.
    const voted = finalResponse(await stack.client.click("nina", post.id, componentId(post, "For")));
    expect(voted.content).toContain("**For**");
    stack.advanceClock(3_600_000 + 1000);
    const result = await resultPost(stack.client, proposal.id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${proposal.id} · Passed · awaiting moderator approval`);
    for (const m of ["mod", "mod2"]) {
      finalResponse(await stack.client.click(m, result.id, componentId(result, "Approve payout")));
    }
    const approved = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(approved.status).toBe("approved");
    expect(approved.batch).toEqual(proposal.batch);

    // The newcomer ends the mentorship: the mentor is told, in the guild's language, and only they are mentioned.
    const ended = finalResponse(await stack.client.run("nina", "mentor end"));
    expect(ended.content).toBe(`The mentorship of <@${nina}> has ended.`);
    const endNote = await waitForMessage(stack.client, (m) => m.content.includes("mentorship of"));
    expect(endNote.content).toBe(`<@${maya}>: <@${nina}> ended <@${maya}>'s mentorship of <@${nina}>.`);
    expect(endNote.mentions).toEqual({ everyone: false, users: [maya], roles: [] });
  });

  it("refuses a mentor who shares a wallet with the newcomer (an alt)", async () => {
    const wallet = await linkWallet(stack.client, "ottoalt");
    const db = stack.steward.container.services.db;
    // The alt linked it first; unlinking does not lift the conflict (every wallet ever linked counts).
    await db.wallet.updateMany({ where: { address: wallet.address }, data: { activeFor: null, activeAddress: null } });
    await linkWallet(stack.client, "otto", wallet);
    finalResponse(await stack.client.run("otto", "mentor request", { note: "New here" }));
    const otto = await idOf("otto");
    const refused = finalResponse(await stack.client.run("ottoalt", "mentor accept", { newcomer: "otto" }));
    expect(refused.content).toBe(
      `You cannot mentor <@${otto}>: you have both linked \`${wallet.address}\`, so you are conflicted (the rule that keeps anyone from paying their own alt).`,
    );
    const notMentor = finalResponse(await stack.client.run("nina", "mentor accept", { newcomer: "otto" }));
    expect(notMentor.content).toBe("Only members with the Mentor role can do this.");
    const list = finalResponse(await stack.client.run("maya", "mentor list"));
    expect(textOf(list)).toContain(`<@${otto}>`);
    expect(textOf(list)).toContain("New here");
  });
});
