import type { Client } from "discord.js";
import type { PendingPost } from "../../generated/prisma/client.ts";
import { translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { markSentWith } from "../../services/publishing/pendingPosts.ts";
import { installationKey } from "../../services/publishing/postSubjects.ts";
import type { DiscordSettings } from "../discordSettings.ts";
import { guildLocale } from "../interactionLocale.ts";
import { LaneLocks } from "./lanes.ts";
import type { Attempt, SendContext } from "./planPost.ts";
import { PostOutcomes } from "./postOutcomes.ts";
import { Wakeups } from "./wakeups.ts";

export interface PublisherDeps {
  client: Client;
  services: ServiceDeps;
  settings: DiscordSettings;
  logger: Logger;
  /** LISTEN for new posts committed by any process (absent: polling only). */
  listen?: (onNotify: () => void) => Promise<() => Promise<void>>;
}

/** A running publisher's state, shared by its steps (lanes, sending, outcomes, stopping). */
export interface PublisherRun {
  deps: PublisherDeps;
  ctx: SendContext;
  stopping: boolean;
  /** A post was refused since the moderators were last told: they are told once the lane has caught up. */
  failedSinceReport: boolean;
  /** The messages being sent now (stop waits for them). */
  sending: Set<Promise<unknown>>;
  outcomes: PostOutcomes;
  wakeups: Wakeups;
  locks: LaneLocks;
  attemptFor(rows: PendingPost[]): Promise<Attempt>;
}

export function createPublisherRun(deps: PublisherDeps): PublisherRun {
  const { client, services, settings } = deps;
  /** The nonce of a message: this installation's key and the first row's id (unique to what the message carries). */
  let installKey: Promise<string> | undefined;
  return {
    deps,
    ctx: {
      client,
      services,
      settings,
      token: services.token,
      guildT: (guildId) => translator(guildLocale(settings, client.guilds.cache.get(guildId)?.preferredLocale)),
    },
    stopping: false,
    failedSinceReport: false,
    sending: new Set(),
    outcomes: new PostOutcomes(),
    wakeups: new Wakeups(),
    locks: new LaneLocks(),
    async attemptFor(rows) {
      installKey ??= installationKey(services);
      const retried = rows.some((r) => r.sentWith !== null);
      const first = await markSentWith(services, rows);
      return { nonce: `${await installKey}-${first}`, retried };
    },
  };
}
