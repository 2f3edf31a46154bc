import { type Translator, translator } from "../i18n/translator.ts";
import type { PayoutStuckRecord, PlannedElsewhere } from "./payoutStuck.ts";

const settingsText = (s: { chainId: number; token: string; distributor: string }) =>
  `CHAIN_ID=${s.chainId}, TOKEN_ADDRESS=${s.token}, DISTRIBUTOR_ADDRESS=${s.distributor}`;

/**
 * Why settlement stopped for chunks planned under other settings, in words (moderators' note, the settle job): the
 * reader's language in Discord, English (the default) in logs.
 */
export function plannedElsewhereText(s: PlannedElsewhere, t: Translator = translator("en")): string {
  const listed = s.chunks
    .map((c) =>
      t.t("payout.stuck.plannedChunk", { id: c.proposalId, chunk: c.chunkIndex + 1, settings: settingsText(c) }),
    )
    .join("; ");
  return t.t("payout.stuck.plannedElsewhere", {
    count: s.count,
    now: settingsText(s.now),
    listed: `${listed}${s.count > s.chunks.length ? "; …" : ""}`,
  });
}

/** Why a chunk is stuck, in words (a sentence stored before reasons were facts is shown as it is). */
export function payoutStuckText(s: PayoutStuckRecord, t: Translator = translator("en")): string {
  if (typeof s === "string") return s;
  switch (s.kind) {
    case "error":
      return s.message;
    case "planned_elsewhere":
      return plannedElsewhereText(s, t);
  }
}
