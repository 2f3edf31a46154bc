import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import { CONTRIBUTION_LIMITS } from "../contributions/contributionRules.ts";
import { submitContribution } from "../contributions/submitContribution.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";

/** What a verified `pull_request` delivery says, as far as a draft needs it. */
export interface MergedPullEvent {
  deliveryId: string;
  action: string;
  pull: {
    nodeId: string;
    merged: boolean;
    url: string;
    title: string;
    body: string | null;
    number: number;
    repository: string;
    author: { id: number; login: string } | null;
  };
}

export type CaptureOutcome =
  | { status: "ignored"; reason: "not_merged" | "author_not_linked" }
  | { status: "duplicate_delivery" }
  | { status: "drafted"; drafts: number; alreadyDrafted: number };

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The draft's text: the PR's title, and its description (or, when it has none, what the PR is). */
export function draftText(pull: MergedPullEvent["pull"]): { title: string; description: string } {
  const body = (pull.body ?? "").trim();
  const fallback = `Merged pull request ${pull.repository}#${pull.number}: ${pull.title}`;
  return {
    title: clip(pull.title.trim() || fallback, CONTRIBUTION_LIMITS.titleMax),
    description: clip(/\p{L}/u.test(body) ? body : fallback, CONTRIBUTION_LIMITS.descriptionMax),
  };
}

/**
 * A merged PR by a linked member (by GitHub's numeric id, in each guild they linked it in) becomes a contribution
 * draft, and a DM asks them to confirm or discard it: nothing is submitted without them. A delivery is acted on once
 * (by its X-GitHub-Delivery id), and a PR drafts once per member whatever GitHub redelivers.
 */
export async function captureMergedPull(
  deps: Pick<ServiceDeps, "db" | "now">,
  event: MergedPullEvent,
): Promise<CaptureOutcome> {
  const { pull } = event;
  if (event.action !== "closed" || !pull.merged) return { status: "ignored", reason: "not_merged" };
  const now = deps.now();
  const accounts = pull.author
    ? await deps.db.githubAccount.findMany({ where: { githubId: pull.author.id }, include: { member: true } })
    : [];
  if (accounts.length === 0) return { status: "ignored", reason: "author_not_linked" };
  const text = draftText(pull);
  // The link Steward reads facts for (github.com/owner/repo/pull/n), whatever host the API answered from.
  const url = `https://github.com/${pull.repository}/pull/${pull.number}`;
  try {
    return await deps.db.$transaction(async (tx) => {
      await tx.githubWebhookDelivery.create({ data: { id: event.deliveryId, event: "pull_request", receivedAt: now } });
      let drafts = 0;
      let alreadyDrafted = 0;
      for (const account of accounts) {
        const created = await tx.githubDraft.createManyAndReturn({
          data: [
            {
              guildId: account.guildId,
              memberId: account.memberId,
              discordId: account.member.discordId,
              username: account.member.username,
              pullNodeId: pull.nodeId,
              url,
              title: text.title,
              body: text.description,
              deliveryId: event.deliveryId,
              status: "waiting",
              createdAt: now,
            },
          ],
          skipDuplicates: true,
        });
        const draft = created[0];
        if (!draft) {
          alreadyDrafted++;
          continue;
        }
        drafts++;
        await enqueuePosts(tx, now, [{ guildId: account.guildId, kind: "github_draft", subjectId: draft.id }]);
      }
      return { status: "drafted" as const, drafts, alreadyDrafted };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "duplicate_delivery" };
    throw error;
  }
}

/** The draft as its DM shows it. */
export async function githubDraftForPost(deps: Pick<ServiceDeps, "db">, id: number) {
  return deps.db.githubDraft.findUniqueOrThrow({ where: { id } });
}

/**
 * The member's answer to a draft: `confirm` submits it as their contribution (evaluated like any other, with
 * GitHub's facts), `discard` drops it. Only the member it was drafted for may answer, once.
 */
export async function decideGithubDraft(
  deps: Pick<ServiceDeps, "db" | "now" | "settings" | "mentorship">,
  actor: Actor,
  id: number,
  decision: "confirm" | "discard",
): Promise<({ status: "confirmed"; contributionId: number } | { status: "discarded" }) & { url: string }> {
  const draft = await deps.db.githubDraft.findUnique({ where: { id } });
  if (!draft || draft.discordId !== actor.discordId || draft.guildId !== actor.guildId) {
    throw new UserError("github_draft_not_found", { id });
  }
  const now = deps.now();
  // Claimed first, so that two clicks cannot submit it twice.
  const claimed = await deps.db.githubDraft.updateMany({
    where: { id, status: "waiting" },
    data: { status: decision === "confirm" ? "confirmed" : "discarded", decidedAt: now },
  });
  if (claimed.count === 0) throw new UserError("github_draft_decided", { id, status: draft.status });
  if (decision === "discard") return { status: "discarded", url: draft.url };
  let contributionId: number;
  try {
    const contribution = await submitContribution(deps, actor, {
      title: draft.title,
      description: draft.body,
      category: "code",
      links: [draft.url],
    });
    contributionId = contribution.id;
    await deps.db.githubDraft.update({ where: { id }, data: { contributionId } });
  } catch (error) {
    await deps.db.githubDraft.update({ where: { id }, data: { status: "waiting", decidedAt: null } });
    throw error;
  }
  return { status: "confirmed", contributionId, url: draft.url };
}
