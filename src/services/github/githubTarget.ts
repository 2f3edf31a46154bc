import { parseLink } from "../../base/parseLink.ts";

/** A github.com code link as the REST API addresses it. */
export type GithubTarget =
  | { kind: "pr" | "issue"; key: string; url: string; owner: string; repo: string; number: number }
  | { kind: "commit"; key: string; url: string; owner: string; repo: string; sha: string };

const PATH = /^\/([\w.-]+)\/([\w.-]+)\/(pull|pulls|issues|commit|commits)\/([0-9a-f]+|\d+)(\/|$)/i;

/** What the link points at on github.com; null for any other host or a page that is not a PR, commit or issue. */
export function githubTarget(raw: string): GithubTarget | null {
  const parsed = parseLink(raw);
  if (parsed?.host !== "github.com" || !["pr", "commit", "issue"].includes(parsed.kind)) return null;
  const m = PATH.exec(new URL(raw).pathname);
  if (!m) return null;
  const [, owner = "", repo = "", , id = ""] = m;
  const base = { key: parsed.key, url: raw.trim(), owner, repo };
  if (parsed.kind === "commit") return { ...base, kind: "commit", sha: id.toLowerCase() };
  return { ...base, kind: parsed.kind === "pr" ? "pr" : "issue", number: Number(id) };
}
