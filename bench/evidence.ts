// Facts of code links read from the local GitHub, enforcing GitHub's documented limits (primary: 5,000 requests an
// hour for a user token; secondary: 900 points a minute, 100 requests at once): N contributions with 3 code links
// each, evaluated (first read), then evaluated again (re-evaluation, every request with its ETag). Prints the
// requests per link of each pass, the requests refused for a limit (must be 0) and the time to the last evaluation.
// Usage: npm run bench:evidence -- [contributions = 1000] [mixed | prs = mixed]
//   mixed: each contribution links a PR, the issue it closes and a commit; prs: three PRs.

import { startGithubSandbox } from "@steward/github-sandbox";
import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import {
  buildEvidenceWorld,
  type EvidenceMix,
  type EvidencePass,
  measureEvidence,
} from "../test/helpers/evidenceRun.ts";

const N = Number(process.argv[2] ?? 1000);
const MIX = (process.argv[3] ?? "mixed") as EvidenceMix;
const github = await startGithubSandbox({ rateLimits: { perHour: 5000, pointsPerMinute: 900, maxConcurrent: 100 } });
const database = await openScratchDatabase();
const built = performance.now();
const world = await buildEvidenceWorld(github, N, MIX);
process.stdout.write(
  `evidence: ${N} contributions × 3 code links (${MIX}), local GitHub at 5,000 requests/hour and 900 points/minute; world built in ${((performance.now() - built) / 1000).toFixed(1)} s\n`,
);
const { first, again } = await measureEvidence(database, github, world);
const line = (name: string, p: EvidencePass) => {
  const claims = Object.entries(p.claims)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
  return `${name}: ${(p.counted / p.links).toFixed(3)} requests per link (${p.counted} counted, ${p.graphql} of them GraphQL queries, + ${p.notModified} answered 304, for ${p.links} links); refused for a limit: ${p.refused.primary} primary, ${p.refused.secondary} secondary; links left claims: ${claims || "none"}; last evaluation after ${p.seconds.toFixed(1)} s\n`;
};
process.stdout.write(line("first read", first));
process.stdout.write(line("re-evaluation", again));
await github.close();
await database.close();
process.exit(0);
