// Contributions as a DAO writes them over a year, generated from word lists with a seeded generator: varied titles
// and descriptions of a few sentences, zero to three links (pull requests, issues, docs), a few near-copies of
// earlier work and links claimed twice, so the evaluator's candidate and claim queries find what they would.

export interface Draft {
  title: string;
  description: string;
  category: "code" | "docs" | "design" | "research" | "community" | "ops";
  links: string[];
  hours: number;
}

// mulberry32, the tests' seeded generator: a run seeds the same history each time.
import { seededRandom } from "../test/helpers/contributionTexts.ts";

const VERBS = (
  "fixed refactored added wrote documented reviewed migrated optimised removed replaced tested designed translated " +
  "organised moderated benchmarked profiled upgraded simplified rewrote audited debugged ported drafted sketched " +
  "prototyped published summarised triaged deployed configured automated hardened measured restructured clarified"
).split(" ");
const THINGS = (
  "parser scheduler onboarding-guide release-notes login-flow token-bridge treasury-report voting-page dashboard " +
  "cache layer retry-logic webhook-handler rate-limiter search-index wallet-linking epoch-close payout-script " +
  "faq translation-pipeline logo landing-page newsletter community-call forum-thread grant-proposal roadmap " +
  "style-guide error-messages settings-page metrics-exporter backup-job ci-pipeline docker-image helm-chart " +
  "api-client sdk cli changelog migration-script test-suite fuzz-harness load-test audit-log governance-docs " +
  "tokenomics-model survey interview-notes bug-bounty security-policy incident-report status-page mobile-layout " +
  "dark-mode accessibility-pass font-loading image-pipeline email-templates notification-service queue-worker"
).split(" ");
const MODULES = (
  "core api web bot contracts indexer relayer docs site infra analytics treasury governance identity payments " +
  "storage auth scheduler notifier explorer gateway sandbox worker monitor billing"
).split(" ");
const ADJECTIVES = (
  "flaky slow broken outdated confusing missing fragile duplicated unclear noisy legacy brittle inconsistent " +
  "undocumented untested heavy verbose stale"
).split(" ");
const OUTCOMES = (
  "it now handles the edge case reported last week|the build is about twice as fast|new contributors can follow it " +
  "without help|the error rate dropped to almost zero|it no longer times out under load|the page loads in under a " +
  "second|reviewers can check it in minutes|the numbers match the on-chain data|members asked fewer questions in " +
  "support|it works on mobile too|memory use went down by a third|the flaky test passes reliably|the team agreed " +
  "on the next steps|three new members joined the call|it is ready for the next release"
).split("|");
const EXTRAS = (
  "Added tests for the new behaviour.|Updated the docs accordingly.|Paired with a reviewer on the tricky part.|" +
  "Left notes for follow-up work in the tracker.|Checked it against the staging environment.|Wrote a short " +
  "summary for the forum.|Measured before and after on the same machine.|Kept the old path behind a flag for " +
  "now.|Asked for feedback in the community channel.|Split the change into small commits."
).split("|");
const ORGS = ["dao", "steward-dao", "guild-tools", "commons", "openlab"];
const REPOS = ["steward", "site", "contracts", "docs", "bot", "indexer", "design", "sdk"];
const CATEGORIES: Draft["category"][] = ["code", "docs", "design", "research", "community", "ops"];

export function corpus(seed: number) {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (n: number) => Math.floor(rnd() * n);
  const thing = () => pick(THINGS).replace(/-/g, " ");

  const sentence = (): string => {
    switch (int(6)) {
      case 0:
        return `${cap(pick(VERBS))} the ${pick(ADJECTIVES)} ${thing()} in the ${pick(MODULES)} module, so ${pick(OUTCOMES)}.`;
      case 1:
        return `The ${thing()} was ${pick(ADJECTIVES)}; I ${pick(VERBS)} it and ${pick(VERBS)} the ${thing()} as well.`;
      case 2:
        return `${cap(pick(VERBS))} ${2 + int(40)} places where the ${thing()} called the ${thing()} directly.`;
      case 3:
        return `After ${pick(VERBS)} the ${thing()}, ${pick(OUTCOMES)}.`;
      case 4:
        return `Issue ${1 + int(9000)}: ${pick(VERBS)} the ${thing()} for the ${pick(MODULES)} team.`;
      default:
        return pick(EXTRAS);
    }
  };
  const link = (): string => {
    const r = rnd();
    const repo = `${pick(ORGS)}/${pick(REPOS)}`;
    if (r < 0.6) return `https://github.com/${repo}/pull/${1 + int(60_000)}`;
    if (r < 0.85) return `https://github.com/${repo}/issues/${1 + int(60_000)}`;
    return `https://docs.example.org/${pick(MODULES)}/${thing().replace(/ /g, "-")}-${int(5000)}`;
  };

  /** A new piece of work: a title, two to six sentences, zero to three links. */
  const fresh = (): Draft => ({
    title: `${cap(pick(VERBS))} ${thing()} (${pick(MODULES)})`,
    description: Array.from({ length: 2 + int(5) }, sentence).join(" "),
    category: pick(CATEGORIES),
    links: Array.from({ length: int(4) }, link),
    hours: 1 + int(16),
  });

  /**
   * A lightly edited copy: one word in ten replaced, a letter or two swapped for a lookalike, sentences reordered
   * (the recall test's edits). Its links are new.
   */
  const edited = (d: Draft): Draft => {
    const words = d.description.split(" ").map((w) => (rnd() < 0.1 ? pick(ADJECTIVES) : w));
    const sentences = words.join(" ").split(/(?<=[.!?]) /);
    if (sentences.length > 1) sentences.push(sentences.shift() as string);
    const lookalike = sentences.join(" ").replace(/o/, "\u043e").replace(/a/, "\u0430");
    return { ...d, description: lookalike, links: Array.from({ length: int(3) }, link) };
  };

  return { rnd, pick, int, fresh, edited };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
