#!/usr/bin/env node
// Steward runs its TypeScript sources directly through tsx's loader: no build step between clone and start.
// (The Docker image runs the compiled JavaScript instead: `npm run build`, then `node dist/src/cli.js`.)
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The repository's tsconfig.json, wherever Steward is started from: its paths give the workspace packages
// (packages/*) from their sources.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli.ts");
