import { pino, type Logger } from "pino";
import { secretKeys } from "./config.ts";

export type { Logger };

/** Paths pino blanks wherever they appear in a log line's context. */
export const redactPaths = [
  ...secretKeys,
  ...secretKeys.map((k) => `*.${k}`),
  "token",
  "*.token",
  "password",
  "*.password",
  "privateKey",
  "*.privateKey",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    { level: options.level, redact: { paths: redactPaths, censor: "[redacted]" }, base: { app: "steward" } },
    options.destination,
  );
}
