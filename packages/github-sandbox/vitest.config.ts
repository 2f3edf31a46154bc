import { defineConfig } from "vitest/config";

// The package's own tests: the local GitHub alone with the real Octokit, no database (tests that drive Steward
// through it stay in the repository's test/).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
