#!/usr/bin/env node
// Steward runs its TypeScript sources directly through tsx's loader: no build step between clone and start.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
