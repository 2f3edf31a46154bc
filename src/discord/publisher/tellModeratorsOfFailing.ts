import type { PendingPost } from "../../generated/prisma/client.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { enqueuePosts } from "../../services/publishing/enqueuePosts.ts";
import { claimPostsToReport } from "../../services/publishing/pendingPosts.ts";
import { failingPostsNote } from "../views/postNotes.ts";

/**
 * Posts that failed often enough: the moderators are told once, in one note per guild (itself a post), in the
 * guild's language (`guildT`).
 */
export async function tellModeratorsOfFailing(
  services: Pick<ServiceDeps, "db" | "now">,
  guildT: (guildId: string) => Translator,
): Promise<void> {
  const failing = (await claimPostsToReport(services)).filter((p) => p.kind !== "note");
  const byGuild = new Map<string, PendingPost[]>();
  for (const p of failing) byGuild.set(p.guildId, [...(byGuild.get(p.guildId) ?? []), p]);
  for (const [guildId, rows] of byGuild) {
    await enqueuePosts(services.db, services.now(), [
      { guildId, kind: "note", note: { text: failingPostsNote(guildT(guildId), rows), channel: "governance" } },
    ]);
  }
}
