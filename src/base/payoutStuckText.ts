import type { PayoutStuckRecord, PlannedElsewhere } from "./payoutStuck.ts";

const settingsText = (s: { chainId: number; token: string; distributor: string }) =>
  `CHAIN_ID=${s.chainId}, TOKEN_ADDRESS=${s.token}, DISTRIBUTOR_ADDRESS=${s.distributor}`;

/** Why settlement stopped for chunks planned under other settings, in words (moderators' note, the settle job). */
export function plannedElsewhereText(s: PlannedElsewhere): string {
  const listed = s.chunks
    .map((c) => `proposal #${c.proposalId} chunk ${c.chunkIndex + 1} (${settingsText(c)})`)
    .join("; ");
  return `settlement is stopped: ${s.count} unfinished payout chunk(s) were planned for another chain, token or distributor than the settings now name (${settingsText(s.now)}): ${listed}${s.count > s.chunks.length ? "; …" : ""}. Paying them through the new settings could pay their amounts in another token or a chunk twice; put those settings back until they are paid`;
}

/** Why a chunk is stuck, in words (a sentence stored before reasons were facts is shown as it is). */
export function payoutStuckText(s: PayoutStuckRecord): string {
  if (typeof s === "string") return s;
  switch (s.kind) {
    case "error":
      return s.message;
    case "planned_elsewhere":
      return plannedElsewhereText(s);
  }
}
