import type { ServiceDeps } from "../services/deps.ts";
import { votesNeeded } from "../services/votes/quorumElectorate.ts";
import { type QuorumReach, quorumReach } from "../services/votes/quorumReach.ts";
import { formatWeight } from "./views/governanceFormat.ts";

const count = (n: number) => n.toLocaleString("en-US");

function amount(r: QuorumReach, weight: number, rounding: "needed" | "had"): string {
  if (r.weightStrategy !== "one-member-one-vote") return `weight ${formatWeight(weight)}`;
  const votes = rounding === "needed" ? votesNeeded(weight) : Math.round(weight);
  return `${count(votes)} vote${votes === 1 ? "" : "s"}`;
}

const GROUP = { active: "active members", voters: "members with a voter role", members: "members" } as const;

/** The doctor's line when the configured quorum is out of reach of the people who take part; null when it is not. */
export function quorumProblem(r: QuorumReach): string | null {
  if (!r.outOfReach) return null;
  const over = r.spec.endsWith("%")
    ? `QUORUM=${r.spec} of ${count(r.members)} ${GROUP[r.quorumOf]}`
    : `QUORUM=${r.spec}`;
  const why =
    r.outOfReach === "turnout"
      ? `the best of the last ${r.recentTurnouts.length} closed vote${r.recentTurnouts.length === 1 ? "" : "s"} had ${amount(r, r.best ?? 0, "had")}`
      : `only ${count(r.active.members)} members are active (contributed, proposed or voted lately)`;
  const fix =
    r.quorumOf !== "active" && r.spec.endsWith("%")
      ? `count it over the active members (QUORUM_OF=active: ${amount(r, r.active.needed, "needed")} of ${count(r.active.members)}), or lower QUORUM`
      : "lower QUORUM";
  return `Quorum is out of reach of the people who take part: a vote opened now needs ${amount(r, r.needed, "needed")} (${over}), but ${why}, so votes would expire and nothing would be paid: ${fix}.`;
}

/** The quorum check of `steward doctor` and `/steward status`: its problem line, if any. */
export async function checkQuorum(
  services: Pick<ServiceDeps, "db" | "governance" | "now">,
  guildId: string,
): Promise<string[]> {
  const reach = await quorumReach(services, guildId);
  const problem = reach ? quorumProblem(reach) : null;
  return problem ? [problem] : [];
}
