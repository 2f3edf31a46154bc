import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import { databaseFreeTests } from "./test/helpers/databaseFreeTests.ts";

// The whole suite runs on the managed (embedded) PostgreSQL server; with TEST_DATABASE_URL set it runs a second time
// on that external PostgreSQL server.
const databases = ["embedded", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];
// Tests that reach no database run the same on both: once is enough.
const root = fileURLToPath(new URL(".", import.meta.url));
const onceOnly = process.env.TEST_DATABASE_URL ? databaseFreeTests(root) : [];

export default defineConfig({
  // The workspace packages run from their TypeScript sources, as tsconfig.json's paths say (dist/ is for production).
  resolve: {
    alias: {
      "@steward/discord-sandbox": fileURLToPath(new URL("packages/discord-sandbox/src/index.ts", import.meta.url)),
      "@steward/github-sandbox": fileURLToPath(new URL("packages/github-sandbox/src/index.ts", import.meta.url)),
      "@steward/managed-postgres": fileURLToPath(new URL("packages/managed-postgres/src/index.ts", import.meta.url)),
    },
  },
  test: {
    globalSetup: ["test/helpers/globalSetup.ts"],
    reporters: ["default", "./test/helpers/summaryReporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: databases.map((db, pass) => ({
      extends: true,
      test: {
        name: db,
        // The packages' own tests use no database of Steward's: once is enough.
        include: ["test/**/*.test.ts", ...(pass === 0 ? ["packages/*/test/**/*.test.ts"] : [])],
        exclude: [...configDefaults.exclude, ...(pass === 0 ? [] : onceOnly)],
        env: { STEWARD_TEST_DB: db },
      },
    })),
  },
});
