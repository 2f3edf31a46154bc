import type { ChangeSize } from "../../base/githubFacts.ts";

/** One changed file as GitHub's diff-entry gives it (`patch` only when GitHub sends one: large diffs have none). */
export interface DiffFile {
  filename: string;
  additions: number;
  deletions: number;
  patch?: string | undefined;
}

const LOCKFILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "cargo.lock",
  "poetry.lock",
  "pipfile.lock",
  "uv.lock",
  "gemfile.lock",
  "composer.lock",
  "go.sum",
  "flake.lock",
  "pubspec.lock",
  "podfile.lock",
  "mix.lock",
]);

// Vendored trees and build output, and the usual marks of generated code (what linguist treats alike; the REST API
// does not say which files a repository marks generated).
const GENERATED =
  /(^|\/)(vendor|vendored|third_party|node_modules|dist|build|__generated__|generated)\/|\.min\.(js|css)$|\.(pb|pb\.gw)\.go$|_pb2\.py$|\.generated\.[a-z]+$|\.snap$|\.map$/i;

export function isLockfile(filename: string): boolean {
  return LOCKFILES.has((filename.split("/").pop() ?? "").toLowerCase());
}

export function isGenerated(filename: string): boolean {
  return GENERATED.test(filename);
}

/**
 * Whether a patch only moves whitespace: the removed and the added lines are the same once all whitespace is taken
 * out (blank lines count for nothing). Without a patch it cannot tell, so no.
 */
export function isWhitespaceOnly(patch: string | undefined): boolean {
  if (patch === undefined || patch === "") return false;
  const removed: string[] = [];
  const added: string[] = [];
  for (const line of patch.split("\n")) {
    if (line.startsWith("@@")) continue;
    const squeezed = line.slice(1).replace(/\s+/g, "");
    if (squeezed === "") continue;
    if (line.startsWith("-")) removed.push(squeezed);
    else if (line.startsWith("+")) added.push(squeezed);
  }
  return removed.sort().join("\n") === added.sort().join("\n");
}

/** A change's size, with lockfiles, generated or vendored files and whitespace-only files counted apart. */
export function changeSize(files: readonly DiffFile[]): ChangeSize {
  const size: ChangeSize = {
    additions: 0,
    deletions: 0,
    files: files.length,
    apart: { additions: 0, deletions: 0, files: 0, lockfiles: 0, generated: 0, whitespaceOnly: 0 },
  };
  for (const f of files) {
    size.additions += f.additions;
    size.deletions += f.deletions;
    const why = isLockfile(f.filename)
      ? "lockfiles"
      : isGenerated(f.filename)
        ? "generated"
        : isWhitespaceOnly(f.patch)
          ? "whitespaceOnly"
          : null;
    if (!why) continue;
    size.apart[why] += 1;
    size.apart.files += 1;
    size.apart.additions += f.additions;
    size.apart.deletions += f.deletions;
  }
  return size;
}
