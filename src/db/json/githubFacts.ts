import { type LinkFacts, linkFactsListSchema } from "../../base/githubFacts.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/** What GitHub said of an evaluation's code links (Evaluation.githubFacts); null when GitHub was not read. */
export function readGithubFacts(row: { id: number; githubFacts: unknown }): LinkFacts[] | null {
  if (row.githubFacts === null || row.githubFacts === undefined) return null;
  return readJsonColumn(
    linkFactsListSchema,
    { table: "Evaluation", column: "githubFacts", id: row.id },
    row.githubFacts,
  );
}
