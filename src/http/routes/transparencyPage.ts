import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyPluginAsync } from "fastify";

const DIR = join(import.meta.dirname, "..", "public");
const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/transparency.js": { file: "transparency.js", type: "text/javascript; charset=utf-8" },
  "/transparency.css": { file: "transparency.css", type: "text/css; charset=utf-8" },
};

/** The transparency page: plain HTML, CSS and JavaScript on the public API, read once at start (no build step). */
export const transparencyPage = (): FastifyPluginAsync => async (app) => {
  for (const [path, { file, type }] of Object.entries(FILES)) {
    const body = readFileSync(join(DIR, file));
    app.get(path, async (_request, reply) =>
      reply
        .type(type)
        .header("cache-control", "no-cache")
        .header(
          "content-security-policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
        )
        .send(body),
    );
  }
};
