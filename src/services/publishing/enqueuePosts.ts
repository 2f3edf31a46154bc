import type { SqlConnection } from "../../db/sqlDriver.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ComputeFact } from "./computeFacts.ts";
import type { ModeratorFact } from "./moderatorFacts.ts";

/** The posts that show a subject's current state, one outbox row per subject however often it changes. */
export type SubjectPostKind =
  | "contribution"
  | "evaluation"
  | "appeal"
  | "proposal"
  | "result"
  | "receipt"
  | "safe_batch"
  | "reminder"
  | "reminder_dm"
  | "epoch_reminder"
  | "github_draft";

/** A button on a compute message: who clicks it acts on what its id names (e.g. "lease:accept:12"). */
export interface NoticeButton {
  customId: string;
  label: string;
  style: "primary" | "secondary" | "success" | "danger";
}

/** A message in the compute channel in an adapter's words; only the users in `mention` are pinged. */
export interface ComputeText {
  content: string;
  mention?: string[];
  buttons?: NoticeButton[];
  /** The lease whose offer this message is: its id is recorded on the lease once posted (its buttons act on it). */
  leaseId?: number;
}

/** A message in the compute channel: words an adapter wrote, or facts a service queued (the view words them). */
export type ComputeNotice = ComputeText | { fact: ComputeFact };

/**
 * A message to the moderators, mentioning their role: facts a service queued, or (rows queued before every note
 * was facts) English words, shown as they were stored.
 */
export type ModeratorNote = { channel: "governance" | "payouts" } & ({ text: string } | { fact: ModeratorFact });

export type PostRequest =
  | {
      guildId: string;
      kind: SubjectPostKind;
      subjectId: number /** Not before this long (live tallies). */;
      delayMs?: number;
    }
  | { guildId: string; kind: "note"; note: ModeratorNote }
  | { guildId: string; kind: "compute"; notice: ComputeNotice };

/** The PostgreSQL notification channel a publisher listens on: a commit with new posts wakes it at once. */
export const POSTS_NOTIFY_CHANNEL = "steward_posts";

type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

const at = (d: Date) => d.toISOString();
const TS = `::timestamptz AT TIME ZONE 'UTC'`;

/**
 * Puts posts in the outbox, on the transaction of the change they announce (or on their own when there is none):
 * the post exists exactly when the change does. A subject already waiting keeps its row and counts one more
 * version, so the publisher sends its newest state; a row in failure backoff keeps its schedule.
 */
export async function enqueuePosts(
  db: Pick<Prisma.TransactionClient, "$executeRawUnsafe">,
  now: Date,
  posts: PostRequest[],
) {
  await enqueueWith((sql, params) => db.$executeRawUnsafe(sql, ...params), now, posts);
}

/** The same on a plain SQL connection (the vote writer's batch transaction). */
export async function enqueuePostsOn(conn: SqlConnection, now: Date, posts: PostRequest[]) {
  await enqueueWith((sql, params) => conn.query(sql, params), now, posts);
}

async function enqueueWith(execute: Execute, now: Date, posts: PostRequest[]) {
  if (posts.length === 0) return;
  for (const p of posts) {
    if (p.kind === "note" || p.kind === "compute") {
      await execute(
        `INSERT INTO "PendingPost" ("guildId", "kind", "payload", "createdAt", "nextAttemptAt")
         VALUES ($1, $2::"PostKind", $3::jsonb, $4${TS}, $4${TS})`,
        [p.guildId, p.kind, JSON.stringify(p.kind === "note" ? p.note : p.notice), at(now)],
      );
      continue;
    }
    // A waiting row keeps its place (earliest wanted time; a refused one keeps its backoff); a row being sent is
    // sent again after, at once when a change wants it so (`urgent`), else after the debounce (a vote's tally).
    await execute(
      `INSERT INTO "PendingPost" ("guildId", "kind", "subjectId", "createdAt", "nextAttemptAt")
       VALUES ($1, $2::"PostKind", $3, $4${TS}, $5${TS})
       ON CONFLICT ("kind", "subjectId") DO UPDATE SET
         "version" = "PendingPost"."version" + 1,
         "urgent" = "PendingPost"."urgent" OR $6,
         "nextAttemptAt" = CASE WHEN "PendingPost"."attempts" = 0
           THEN LEAST("PendingPost"."nextAttemptAt", EXCLUDED."nextAttemptAt") ELSE "PendingPost"."nextAttemptAt" END`,
      [p.guildId, p.kind, p.subjectId, at(now), at(new Date(now.getTime() + (p.delayMs ?? 0))), !p.delayMs],
    );
  }
  // Delivered at commit, and only then: a publisher never wakes for a change that rolled back.
  await execute(`SELECT pg_notify('${POSTS_NOTIFY_CHANNEL}', '')`, []);
}
