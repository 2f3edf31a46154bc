/**
 * Sent with every answer of the sandbox: no guessing a content type from the bytes (a JSON answer quoting user text
 * is never run as a page), no framing by another site (clickjacking the sandbox's buttons), and no referrer leaking
 * a page's address to the sites it links to. A page that sets its own Content-Security-Policy carries
 * frame-ancestors itself (see staticPages).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
};
