import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/db/migrate.ts";
import { pgliteDriver } from "../../src/db/openDatabase.ts";

/**
 * Creating a PGlite database runs initdb (about 4 s here); loading a dump of a migrated one takes about 1 s. So the
 * template is made once per run and every test database starts from it.
 */
export default async function setup(project: TestProject) {
  const dir = join(process.cwd(), "node_modules", ".cache", "steward-test");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  const pg = new PGlite();
  await migrate(pgliteDriver(pg));
  const dump = await pg.dumpDataDir("none");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  project.provide("pgliteTemplate", file);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
