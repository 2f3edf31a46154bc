import type { EvidenceKind } from "../base/evidenceKinds.ts";
import type { LinkKind } from "../base/parseLink.ts";

export interface CategoryCriterion {
  evidence: EvidenceKind;
  /** The rubric criterion this evidence backs (where its absence shows). */
  criterion: string;
  description: string;
}

/** Steward's own description of each kind: shown in the reader's language; a DAO's own wording is shown as written. */
export const EVIDENCE_DESCRIPTIONS: Record<EvidenceKind, string> = {
  code_link: "A link to the pull request or commit.",
  review: "A review by someone other than the author.",
  tests: "Tests that show the change works.",
  published_link: "A link to the published text.",
  language_pair: "For a translation: the language pair (from which language into which).",
  length: "Its length or scope (pages, words, sections).",
  file_link: "A link to the design file or image.",
  problem: "The problem the design solves.",
  recording: "For an event or AMA: a link to the recording or the notes.",
  attendance: "How many people attended.",
  questions: "The questions answered.",
  sources: "The sources used.",
  result: "A written result: the findings, or a link to the report.",
  what_ran: "What was run or changed.",
  outcome: "Its outcome: what works now, measured where possible.",
  work_link: "A link to the work.",
  description: "A description of what was done and why.",
};

const item = (evidence: EvidenceKind, criterion: string): CategoryCriterion => ({
  evidence,
  criterion,
  description: EVIDENCE_DESCRIPTIONS[evidence],
});

/** The evidence that judges each contribution category (commands/contribute.ts lists the categories). */
export const defaultCategoryCriteria: Record<string, CategoryCriterion[]> = {
  code: [item("code_link", "impact"), item("review", "quality"), item("tests", "quality")],
  docs: [item("published_link", "impact"), item("language_pair", "quality"), item("length", "effort")],
  design: [item("file_link", "impact"), item("problem", "quality")],
  research: [item("result", "impact"), item("sources", "quality")],
  community: [item("recording", "impact"), item("questions", "quality"), item("attendance", "effort")],
  ops: [item("outcome", "impact"), item("what_ran", "quality")],
  other: [item("work_link", "impact"), item("description", "quality")],
};

/** What the evaluator already measured of a submission, from which each kind of evidence is found. */
export interface EvidenceSignals {
  text: string;
  linkKinds: LinkKind[];
  /** English-equivalent informative characters. */
  informative: number;
  /** Merged PRs someone other than their author reviewed or merged (GitHub's facts). */
  reviewedMerges: number;
  /** Characters from which a description earns its full credit. */
  described: number;
}

// Words in English, Chinese and Spanish that name a kind of evidence. They only explain (which evidence is there,
// which would have helped); no score depends on them, so writing them in earns nothing.
const WORDS: Partial<Record<EvidenceKind, RegExp>> = {
  review: /\breview(ed|s)?\b|\bapproved\b|审查|审核|评审|审阅|revis(ad[oa]|ión|ó)|aprobad[oa]/iu,
  tests: /\btest(s|ed|ing)?\b|测试|\bprueba(s)?\b|\bteste(s|ad[oa])?\b/iu,
  language_pair:
    /\b(english|chinese|spanish|portuguese|french|german|japanese|korean|russian|ingl[eé]s|chino|espa[nñ]ol|portugu[eé]s|franc[eé]s|alem[aá]n|japon[eé]s|coreano|ruso)|英文|英语|中文|西班牙语|葡萄牙语|法语|德语|日语|韩语|俄语/iu,
  length:
    /\d+\s*(pages?|words?|sections?|chapters?|页|字|节|章|篇|páginas?|palabras?|secciones?|capítulos?)|\b(pages?|words?|páginas?|palabras?)\b/iu,
  problem:
    /\bproblem|\bcould(n'?t| not)\b|\bso that\b|\bbecause\b|问题|无法|为了|因为|\bproblema|\bno pod[ií]an?\b|\bpara que\b|\bporque\b/iu,
  attendance:
    /\d+\s*(people|attendees|participants|members|persons|人|名|位|personas|asistentes|participantes|miembros)|\battend|出席|参加|参与|asisti|asistencia/iu,
  questions: /\bquestions?\b|\bq&a\b|提问|问答|疑问|\bpreguntas?\b/iu,
  sources: /\bsources?\b|\breferences?\b|\bcited\b|来源|参考|引用|\bfuentes?\b|\breferencias?\b|\bcitad[oa]s?\b/iu,
  result: /\bresults?\b|\bfindings?\b|\bconclu|结果|发现|结论|\bresultados?\b|\bhallazgos?\b|\bconclusi/iu,
  what_ran:
    /\b(ran|run|deployed|migrated|upgraded|restarted|rotated|configured|set up|installed|renewed)\b|运行|部署|迁移|升级|重启|配置|安装|续期|ejecut|desplegu|desplegad|migr[eéa]|actualic|actualizad|configur|instal|renov/iu,
  outcome:
    /\b(result|outcome|now|down from|up from|reduced|fixed|works|uptime)\b|结果|现在|降低|减少|修复|恢复|resultado|ahora|reducid|arreglad|funciona/iu,
};

/** Whether a submission shows a kind of evidence, from signals the evaluator computes (links, lengths, reviews, words). */
export function evidencePresent(kind: EvidenceKind, s: EvidenceSignals): boolean {
  const has = (k: LinkKind) => s.linkKinds.includes(k);
  const words = WORDS[kind]?.test(s.text) ?? false;
  switch (kind) {
    case "code_link":
      return has("pr") || has("commit");
    case "review":
      return s.reviewedMerges > 0 || words;
    case "published_link":
      return has("doc") || has("other");
    case "file_link":
    case "recording":
      return s.linkKinds.some((k) => k !== "issue");
    case "work_link":
      return s.linkKinds.length > 0;
    case "sources":
      return has("doc") || has("other") || words;
    case "result":
      return has("doc") || words;
    case "description":
      return s.informative >= s.described;
    default:
      return words;
  }
}

/** One expected piece of evidence of a submission's category, and whether the submission shows it. */
export interface EvidenceCheck extends CategoryCriterion {
  present: boolean;
}

/** The category's expected evidence, each found or not; none when the policy lists none for it. */
export function checkEvidence(
  criteria: Record<string, CategoryCriterion[]> | undefined,
  category: string,
  signals: EvidenceSignals,
): EvidenceCheck[] {
  return (criteria?.[category] ?? []).map((c) => ({ ...c, present: evidencePresent(c.evidence, signals) }));
}
