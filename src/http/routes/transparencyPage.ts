import { join } from "node:path";
import type { FastifyPluginAsync } from "fastify";
import { readStaticPages } from "../../staticPages.ts";

/** The transparency page: plain HTML, CSS and JavaScript on the public API. */
export const transparencyPage = (): FastifyPluginAsync => async (app) => {
  const pages = readStaticPages(join(import.meta.dirname, "..", "public"), {
    "/": "index.html",
    "/transparency.js": "transparency.js",
    "/transparency.css": "transparency.css",
  });
  for (const [path, page] of pages)
    app.get(path, async (_request, reply) => reply.headers(page.headers).send(page.body));
};
