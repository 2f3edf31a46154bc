import type { Interaction } from "discord.js";
import { recordMemberLocale } from "../services/members/recordMemberLocale.ts";
import type { BotDeps } from "./context.ts";
import { throughGate } from "./interactionGate.ts";

/**
 * Records the acting member's Discord language in the background (their reminder DMs use it). Never delays or fails
 * the interaction: a language not recorded now is recorded at the member's next one. Counted under the gate, so a
 * stopping process finishes the write before it closes the database.
 */
export function rememberMemberLocale(deps: BotDeps, interaction: Interaction): void {
  if (!interaction.inGuild() || !interaction.locale) return;
  const key = `${interaction.guildId}:${interaction.user.id}`;
  // The vote path takes thousands of clicks a minute: a language this process already recorded is not written again.
  const recorded = recordedBy(deps);
  if (recorded.get(key) === interaction.locale) return;
  const actor = { guildId: interaction.guildId, discordId: interaction.user.id, username: interaction.user.username };
  const locale = interaction.locale;
  throughGate(deps.gate, () =>
    recordMemberLocale(deps.services, actor, locale).then(
      () => remember(recorded, key, locale),
      (err) => deps.logger.warn({ err, userId: interaction.user.id }, "could not record a member's language"),
    ),
  );
}

/**
 * What this bot last wrote per member, oldest dropped first past the cap: it only saves writes, and is never read as
 * the truth (one per bot, so a second Steward in the same process, a test's, keeps its own).
 */
const recordedByBot = new WeakMap<BotDeps["services"], Map<string, string>>();
const RECORDED_CAP = 100_000;

function recordedBy(deps: BotDeps): Map<string, string> {
  const known = recordedByBot.get(deps.services) ?? new Map<string, string>();
  recordedByBot.set(deps.services, known);
  return known;
}

function remember(recorded: Map<string, string>, key: string, locale: string) {
  recorded.delete(key);
  recorded.set(key, locale);
  if (recorded.size > RECORDED_CAP) recorded.delete(recorded.keys().next().value as string);
}
