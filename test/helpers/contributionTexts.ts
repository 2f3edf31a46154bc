/**
 * Varied, realistic contribution texts from a seed, for tests and benches that need a history: each text is 3 to 5
 * sentences drawn from templates filled with many nouns, so two texts are rarely alike by chance.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const VERBS = [
  "Fixed",
  "Rewrote",
  "Documented",
  "Refactored",
  "Tested",
  "Reviewed",
  "Designed",
  "Profiled",
  "Migrated",
  "Translated",
  "Audited",
  "Simplified",
];
const THINGS = [
  "the vote closer",
  "the wallet linking flow",
  "the epoch report",
  "the payout receipts",
  "the onboarding guide",
  "the rubric weights",
  "the node heartbeat check",
  "the lease scheduler",
  "the transparency page",
  "the audit export",
  "the GitHub reader",
  "the release notes",
  "the treasury dashboard",
  "the appeal form",
  "the reminder job",
  "the proposal template",
  "the Safe export",
  "the fee estimator",
  "the moderator queue",
  "the token allowance check",
];
const HOW = [
  "so that two processes cannot post twice",
  "because it broke on a fresh clone",
  "after three members reported confusing errors",
  "to cut the time it takes by half",
  "with a test for each edge case",
  "so it works on Node 20",
  "following the review on the forum",
  "to match what the spec says",
  "without changing its public answers",
  "and measured it before and after",
];
const EXTRA = [
  "It took two evenings of work.",
  "Reviewed by two members before merging.",
  "The old behaviour is kept behind a flag.",
  "Screenshots are in the thread.",
  "It closes a long-standing issue.",
  "Benchmarks are in the pull request.",
  "The change is small but it was hard to find.",
  "Translations for Spanish and Chinese follow.",
];
const NOUNS = [
  "cache",
  "index",
  "queue",
  "parser",
  "retry",
  "timeout",
  "lock",
  "schema",
  "migration",
  "layout",
  "button",
  "modal",
  "embed",
  "chart",
  "filter",
  "export",
  "import",
  "log",
  "metric",
  "alert",
];
const REPOS = ["dao/steward", "dao/docs", "dao/site", "dao/contracts", "guild/tools"];

export interface ContributionText {
  title: string;
  description: string;
  links: string[];
}

/** A varied contribution, the same for the same seed and index. */
export function variedContribution(rnd: () => number): ContributionText {
  const thing = pick(rnd, THINGS);
  const n = 3 + Math.floor(rnd() * 3);
  const sentences = [`${pick(rnd, VERBS)} ${thing} ${pick(rnd, HOW)}.`];
  while (sentences.length < n) {
    sentences.push(
      rnd() < 0.5
        ? pick(rnd, EXTRA)
        : `The ${pick(rnd, NOUNS)} of ${pick(rnd, THINGS)} now uses a ${pick(rnd, NOUNS)} ${pick(rnd, HOW)}.`,
    );
  }
  const links = rnd() < 0.6 ? [`https://github.com/${pick(rnd, REPOS)}/pull/${1 + Math.floor(rnd() * 5000)}`] : [];
  return {
    title: `${pick(rnd, VERBS)} ${thing} (${pick(rnd, NOUNS)} ${Math.floor(rnd() * 1000)})`,
    description: sentences.join(" "),
    links,
  };
}

// Latin letters and their Cyrillic lookalikes (UTS #39 maps each back).
const LOOKALIKE: Record<string, string> = { a: "а", e: "е", o: "о", c: "с", p: "р", x: "х", y: "у", i: "і" };

/**
 * A lightly edited copy, as someone farming old work would make it: a tenth of its words respelled with lookalike
 * letters or another case, and the description's sentences in another order.
 */
export function lightlyEdited(text: ContributionText, rnd: () => number): ContributionText {
  const respell = (s: string) =>
    s.replace(/\p{L}+/gu, (w) => {
      if (rnd() >= 0.1) return w;
      const swapped = [...w].map((ch) => LOOKALIKE[ch] ?? ch).join("");
      return swapped === w ? w.toUpperCase() : swapped;
    });
  const sentences = text.description.split(/(?<=[.!?])\s+/);
  const reordered = [...sentences.slice(1), sentences[0] as string];
  return { title: respell(text.title), description: respell(reordered.join(" ")), links: text.links };
}
