import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; the URL is only used by Prisma's own CLI (e.g. `prisma migrate deploy` on a
// machine that has the schema engine). Steward applies migrations itself (src/db/migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/steward" },
});
