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
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(shadow.url));
  const engine = await bg.SchemaEngine.new({ datamodels }, (log: string) => void log, adapter);
  return { engine, close: () => shadow.close() };
}
