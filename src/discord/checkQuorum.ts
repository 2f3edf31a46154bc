import type { Translator } from "../i18n/translator.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { votesNeeded } from "../services/votes/quorumElectorate.ts";
import { type QuorumReach, quorumReach } from "../services/votes/quorumReach.ts";
import { formatWeight } from "./views/governanceFormat.ts";

function amount(t: Translator, r: QuorumReach, weight: number, rounding: "needed" | "had"): string {
  if (r.weightStrategy !== "one-member-one-vote") return t.t("setup.quorum.weight", { weight: formatWeight(weight) });
  const voteCount = rounding === "needed" ? votesNeeded(weight) : Math.round(weight);
  return t.t("setup.quorum.votes", { voteCount });
}

/** The doctor's line when the configured quorum is out of reach of the people who take part; null when it is not. */
export function quorumProblem(t: Translator, r: QuorumReach): string | null {
  if (!r.outOfReach) return null;
  const over = r.spec.endsWith("%")
    ? t.t("setup.quorum.overShare", { spec: r.spec, memberCount: r.members, group: r.quorumOf })
    : `QUORUM=${r.spec}`;
  const why =
    r.outOfReach === "turnout"
      ? t.t("setup.quorum.whyTurnout", {
          closedCount: r.recentTurnouts.length,
          had: amount(t, r, r.best ?? 0, "had"),
        })
      : t.t("setup.quorum.whyActive", { activeCount: r.active.members });
  const fix =
    r.quorumOf !== "active" && r.spec.endsWith("%")
      ? t.t("setup.quorum.fixActive", {
          needed: amount(t, r, r.active.needed, "needed"),
          activeCount: r.active.members,
        })
      : t.t("setup.quorum.fixLower");
  return t.t("setup.quorum.outOfReach", { needed: amount(t, r, r.needed, "needed"), over, why, fix });
}

/** The quorum check of `steward doctor` and `/steward status`: its problem line, if any. */
export async function checkQuorum(
  t: Translator,
  services: Pick<ServiceDeps, "db" | "governance" | "now">,
  guildId: string,
): Promise<string[]> {
  const reach = await quorumReach(services, guildId);
  const problem = reach ? quorumProblem(t, reach) : null;
  return problem ? [problem] : [];
}
