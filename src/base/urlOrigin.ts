/**
 * A URL as Steward shows it in logs, pages and messages: scheme and host (with port) only. RPC providers put their
 * API key in the path (`/v3/<key>`, `/v2/<key>`) or the query, databases a password in the user info: none of that
 * is shown.
 */
export function urlOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(unparseable URL)";
  }
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** Every URL inside `text` (an error message, a probe's answer) cut down to its scheme and host. */
export function urlOriginsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    const shown = urlOrigin(url);
    return shown === "(unparseable URL)" ? "(a URL)" : shown;
  });
}
