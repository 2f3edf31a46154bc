import { readFileSync } from "node:fs";
import { extname, join } from "node:path";

/** A page's file as served: its bytes (read once) and the headers that go with them. */
export interface StaticPage {
  body: Buffer;
  headers: Record<string, string>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * The browser client's files: plain HTML, CSS and JavaScript with no build step, read once at start. Everything
 * comes from the same origin; inline styles only for computed widths and colours.
 */
export function readStaticPages(dir: string, files: Record<string, string>): Map<string, StaticPage> {
  return new Map(
    Object.entries(files).map(([path, file]) => [
      path,
      {
        body: readFileSync(join(dir, file)),
        headers: {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-cache",
          "content-security-policy":
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
        },
      },
    ]),
  );
}
