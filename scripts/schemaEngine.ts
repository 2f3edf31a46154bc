// Loads Prisma's schema engine compiled to WebAssembly. The package's entry imports the .wasm as an ES module
// (bundler style), which Node cannot do, so the module is instantiated here by hand.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";

const require = createRequire(import.meta.url);

// @types/node 20 does not declare the WebAssembly global; this is the part used here.
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, unknown>): Promise<{ exports: Record<string, unknown> }>;
};

export async function loadSchemaEngine(datamodels: [string, string][]) {
  const wasmPath = require.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": bg });
  const exports = instance.exports as unknown as { __wbindgen_start?: () => void };
  (bg as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
  // The engine needs a database only as a shadow to replay existing migrations: an empty scratch server.
  const shadow = await openScratchDatabase({ unsafeNoSync: true, migrated: false });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(shadow.url));
  const engine = await bg.SchemaEngine.new({ datamodels }, (log: string) => void log, adapter);
  return { engine, close: () => shadow.close() };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * PrismaPg runs a script by splitting it at every ";", which breaks our migrations' trigger functions ($$ … ; …
 * $$). PostgreSQL's simple query protocol runs a whole script in one call, so the script is sent as it is.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    return wholeScript(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScript(await super.connectToShadowDb());
  }
}

type Query = (...args: unknown[]) => Promise<{ fields?: { dataTypeID: number }[] }>;

function wholeScript(adapter: PgAdapter): PgAdapter {
  const pool = (adapter as unknown as { client: { query: Query } }).client;
  const query = pool.query.bind(pool);
  // The engine reads pg_catalog columns of type "char" (oid 18), which PrismaPg does not map: they are text.
  pool.query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const f of result.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return result;
  };
  adapter.executeScript = async (script: string) => {
    await query(script);
  };
  return adapter;
}
