import { defineConfig } from "vitest/config";

// Each test starts real servers (initdb, postgres): one file at a time is plenty on a small machine.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 1,
  },
});
