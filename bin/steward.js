#!/usr/bin/env node
// Steward runs its TypeScript sources directly through tsx's loader: no build step between clone and start.
// (The Docker image runs the compiled JavaScript instead: `npm run build`, then `node dist/src/cli.js`.)
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
