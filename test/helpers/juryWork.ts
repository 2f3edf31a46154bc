/**
 * Four contributions with different evidence, so an evaluator scores them differently and a jury's ranking can be
 * compared with the model's (the jury and policy e2e tests).
 */
export const JURY_WORK = [
  { user: "ann", title: "Typo", description: "Fixed a typo.", links: [] as string[] },
  {
    user: "ben",
    title: "Release notes",
    description: "Wrote the release notes tooling that collects merged changes into a changelog per release.",
    links: ["https://github.com/dao/app/pull/21"],
  },
  {
    user: "cat",
    title: "Indexer",
    description: "Rebuilt the indexer so a full resync takes minutes instead of hours, with a benchmark and tests.",
    links: ["https://github.com/dao/indexer/pull/22", "https://github.com/dao/indexer/issues/23"],
  },
  {
    user: "dan",
    title: "Bridge audit",
    description: "Reviewed the bridge contracts line by line and fixed two rounding bugs found on the way, with tests.",
    links: [
      "https://github.com/dao/bridge/pull/24",
      "https://github.com/dao/bridge/commit/0123456789abcdef0123456789abcdef01234567",
      "https://github.com/dao/bridge/issues/25",
    ],
  },
];
