/**
 * Flags instruction-like content in a submission: text addressed to the evaluator rather than describing work.
 * It only flags; the submission is always passed to a model as quoted data, and money is decided by policy.
 */
const PATTERNS: { name: string; re: RegExp }[] = [
  {
    name: "ignore-instructions",
    re: /\b(ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all|your|the)\b[^.\n]{0,30}\b(instructions?|prompts?|rules?|guidelines?|directions?)/i,
  },
  { name: "new-instructions", re: /\b(new|updated|real|actual)\s+(instructions?|task|system prompt)\s*[:-]/i },
  {
    name: "role-play",
    re: /\byou\s+(are|will)\s+now\b|\bact\s+as\s+(the|an?)\s+(evaluator|system|admin)|\bpretend\s+(to\s+be|you)/i,
  },
  {
    name: "role-tag",
    re: /<\|?\/?\s*(system|assistant|user|im_start|im_end|endoftext)\s*\|?>|\[\/?(system|inst|assistant)\]|<<\s*sys\s*>>/i,
  },
  { name: "fake-system-message", re: /^\s*(#{1,3}\s*)?(system|assistant|developer)\s*(message|prompt)?\s*:/im },
  {
    name: "evaluator-address",
    re: /\b(dear|attention|note to( the)?|hey)\s+(ai|evaluator|model|assistant|grader|llm|bot)\b/i,
  },
  {
    name: "score-demand",
    re: /\b(give|assign|award|rate|score|grant|set)\b[^.\n]{0,40}\b(100|10\/10|maximum|max(imum)?|highest|full|perfect|top)\b[^.\n]{0,20}\b(score|reward|points?|marks?|rating|total)?/i,
  },
  { name: "schema-mimic", re: /"\s*(total|scores|suggested_?reward|confidence|flags|rationale|reward)\s*"\s*:/i },
  { name: "system-prompt-talk", re: /\b(system prompt|developer message|your (instructions|rules|prompt))\b/i },
  { name: "hidden-unicode", re: /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/u },
];

export interface InjectionReport {
  suspected: boolean;
  signals: string[];
}

export function detectInjection(texts: string[]): InjectionReport {
  const text = texts.join("\n");
  const signals = PATTERNS.filter((p) => p.re.test(text)).map((p) => p.name);
  return { suspected: signals.length > 0, signals };
}
