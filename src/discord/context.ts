import type { Translator } from "../i18n/translator.ts";
import type { Logger } from "../logger.ts";
import type { Actor, ServiceDeps } from "../services/deps.ts";
import type { DiscordSettings } from "./discordSettings.ts";
import type { InteractionGate } from "./interactionGate.ts";
import type { Publisher } from "./publisher/startPublisher.ts";

export interface BotDeps {
  services: ServiceDeps;
  settings: DiscordSettings;
  logger: Logger;
  /** Starts the evaluate job now (in the background) instead of waiting for its schedule. */
  kickEvaluations: () => void;
  /** Starts the settle job now (a payout was approved or a failed chunk re-planned). */
  kickSettlement: () => void;
  /** Closed when the process stops: new interactions are turned away, those running are waited for. */
  gate: InteractionGate;
  /** What came of a public post a command just queued (the reply says where it is, or why not yet). */
  posts: Pick<Publisher, "outcomeOf">;
  /** The servers Steward serves (DISCORD_GUILD_ID; the sandbox's own guild): anywhere else it does nothing. */
  guildIds: readonly string[];
  /** Where node agents reach Steward's HTTP API (PUBLIC_URL, else the bound address); absent without the server. */
  httpUrl?: string | undefined;
}

/** Everything a handler needs about the call, resolved once by the router. */
export interface HandlerContext {
  deps: BotDeps;
  /** The words of replies to this member: their Discord language when Steward speaks it, else the guild's. */
  t: Translator;
  actor: Actor;
  isModerator: boolean;
  /**
   * The role settings the caller holds, as the configuration writes them (MODERATOR_ROLE, PROVIDER_ROLE, VOTER_ROLES,
   * ROLE_WEIGHTS names or ids), decided by role id; their role ids; their join date (vote eligibility and weight).
   */
  member: { roles: string[]; roleIds?: string[]; joinedAt: Date | null };
}
