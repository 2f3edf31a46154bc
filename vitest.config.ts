import { defineConfig } from "vitest/config";

// The whole suite runs on the managed (embedded) PostgreSQL server; with TEST_DATABASE_URL set it runs a second time
// on that external PostgreSQL server.
const databases = ["embedded", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];

export default defineConfig({
  test: {
    globalSetup: ["test/helpers/globalSetup.ts"],
    reporters: ["default", "./test/helpers/summaryReporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: databases.map((db) => ({
      extends: true,
      test: {
        name: db,
        include: ["test/**/*.test.ts"],
        env: { STEWARD_TEST_DB: db },
      },
    })),
  },
});
