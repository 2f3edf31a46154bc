/**
 * The kinds of evidence the offline evaluator can look for. A translation, an AMA, a design and a code change are
 * judged by different evidence: each category of the policy lists the kinds that judge it, and which rubric criterion
 * each one backs. A RUBRIC_FILE may reword a kind's description, never invent a kind: Steward could not check it.
 */
export const EVIDENCE_KINDS = [
  "code_link",
  "review",
  "tests",
  "published_link",
  "language_pair",
  "length",
  "file_link",
  "problem",
  "recording",
  "attendance",
  "questions",
  "sources",
  "result",
  "what_ran",
  "outcome",
  "work_link",
  "description",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
