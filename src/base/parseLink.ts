/**
 * Links as evidence, judged by what a browser would open: the WHATWG URL parser gives the real host, so
 * `https://github.com@evil.example/pull/1` is a link to evil.example, not to GitHub.
 */
export type LinkKind = "pr" | "commit" | "issue" | "doc" | "other";

export interface ParsedLink {
  /** The same work however it is written: host and path, lowercased, without query, fragment or trailing parts. */
  key: string;
  host: string;
  kind: LinkKind;
}

// GitLab instances (gitlab.com and self-hosted gitlab.*) are recognised by their host name below.
const CODE_HOSTS = new Set(["github.com", "bitbucket.org", "codeberg.org", "git.sr.ht", "gitea.com"]);

// owner/repo (GitLab: group/…/project) then the kind of page; anything after the number (/files, /commits) is the
// same PR. Paths are matched with a "/" appended, so each pattern ends in "/".
const CODE_PATHS: [LinkKind, RegExp][] = [
  ["pr", /^\/([\w.-]+\/[\w.-]+)\/(?:pull|pulls|pull-requests)\/(\d+)\//],
  // Stryker disable next-line Regex: the leftmost match already starts at the first "/", anchored or not
  ["pr", /^\/([\w.-]+(?:\/[\w.-]+)+)\/-\/merge_requests\/(\d+)\//],
  ["commit", /^\/([\w.-]+\/[\w.-]+)\/(?:-\/)?commits?\/([0-9a-f]{7,40})\//],
  // Stryker disable next-line Regex: lazy or greedy, the group ends at the last segment before /issues/
  ["issue", /^\/([\w.-]+(?:\/[\w.-]+)+?)\/(?:-\/)?issues\/(\d+)\//],
];

const DOC_HOSTS =
  /^(docs?\.|wiki\.)|(^|\.)(notion\.so|notion\.site|gitbook\.io|hackmd\.io|mirror\.xyz|readthedocs\.io)$/;

export function parseLink(raw: string): ParsedLink | null {
  let url: URL;
  try {
    // The URL parser itself strips surrounding whitespace.
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const path = decodeURIComponent(url.pathname).toLowerCase().replace(/\/+$/, "");
  if (CODE_HOSTS.has(host) || /^gitlab\./.test(host)) {
    for (const [kind, pattern] of CODE_PATHS) {
      const m = pattern.exec(`${path}/`);
      const id = m?.[2] as string;
      if (m) return { key: `${host}/${m[1]}/${kind}/${kind === "commit" ? id.slice(0, 7) : id}`, host, kind };
    }
  }
  // docs.* hosts include Google Docs; /docs, /wiki and .md paths anywhere.
  const isDoc = DOC_HOSTS.test(host) || /\/(docs?|wiki)(\/|$)|\.md$/.test(path);
  return { key: `${host}${path}`, host, kind: isDoc ? "doc" : "other" };
}

/** http(s) URLs written in free text (a description), as a person would click them. */
export function linksInText(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>()"'`]+/gi)?.map((l) => l.replace(/[.,;:!?]+$/, "")) ?? [];
}

/** Distinct links by key, first spelling kept: the same PR five times is one PR. */
export function distinctLinks(raw: readonly string[]): ParsedLink[] {
  const seen = new Map<string, ParsedLink>();
  for (const r of raw) {
    const p = parseLink(r);
    if (p && !seen.has(p.key)) seen.set(p.key, p);
  }
  return [...seen.values()];
}
