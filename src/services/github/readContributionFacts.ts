import type { LinkFacts } from "../../base/githubFacts.ts";
import type { ServiceDeps } from "../deps.ts";
import { FactsReadStopped } from "./factsReadStopped.ts";
import { GithubReader, LinkStaysClaim } from "./githubReader.ts";
import { githubTarget } from "./githubTarget.ts";
import { type ReadParts, readLinkFacts } from "./readLinkFacts.ts";

/**
 * What GitHub says each github.com code link (PR, commit, issue) of a contribution is, read before it is evaluated,
 * never from an interaction. Links GitHub cannot tell about within GITHUB_FACTS_TIMEOUT (not found or private,
 * rate-limited past the wait, unreachable) are returned as claims with the reason. Undefined when GitHub is not read.
 * When `shutdown` aborts, the reads in flight are aborted and `FactsReadStopped` is thrown: a link cut short by a
 * shutdown is not a claim GitHub could not check, so the caller records nothing and the next start reads again.
 */
export async function readContributionFacts(
  deps: Pick<ServiceDeps, "db" | "github" | "now">,
  links: readonly string[],
  shutdown?: AbortSignal,
): Promise<LinkFacts[] | undefined> {
  const github = deps.github;
  if (!github) return undefined;
  const seen = new Set<string>();
  const targets = links.flatMap((raw) => {
    const t = githubTarget(raw);
    if (!t || seen.has(t.key)) return [];
    seen.add(t.key);
    return [t];
  });
  if (targets.length === 0) return [];
  if (shutdown?.aborted) throw new FactsReadStopped();
  const cached = await deps.db.githubLinkRead.findMany({ where: { key: { in: targets.map((t) => t.key) } } });
  const previous = new Map(cached.map((c) => [c.key, c.parts as ReadParts]));
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), github.factsTimeoutMs);
  const stopNow = () => stop.abort();
  shutdown?.addEventListener("abort", stopNow, { once: true });
  const reader = new GithubReader(github, stop.signal, Date.now() + github.factsTimeoutMs);
  const out: LinkFacts[] = [];
  try {
    for (const target of targets) {
      const readAt = deps.now().toISOString();
      let read: Awaited<ReturnType<typeof readLinkFacts>>;
      try {
        read = await readLinkFacts(reader, target, previous.get(target.key) ?? {}, readAt);
      } catch (error) {
        if (shutdown?.aborted) throw new FactsReadStopped();
        const reason = error instanceof LinkStaysClaim ? error.reason : stop.signal.aborted ? "timeout" : "unreachable";
        out.push({ status: "claim", key: target.key, url: target.url, readAt, reason });
        continue;
      }
      if (shutdown?.aborted) throw new FactsReadStopped();
      const row = { parts: read.parts as object, readAt: new Date(readAt) };
      await deps.db.githubLinkRead.upsert({
        where: { key: target.key },
        create: { key: target.key, ...row },
        update: row,
      });
      out.push(read.facts);
    }
  } finally {
    clearTimeout(timer);
    shutdown?.removeEventListener("abort", stopNow);
  }
  return out;
}
