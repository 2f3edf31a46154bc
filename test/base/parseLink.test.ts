import { describe, expect, it } from "vitest";
import { distinctLinks, linksInText, parseLink } from "../../src/base/parseLink.ts";

const kind = (url: string) => parseLink(url)?.kind;
const key = (url: string) => parseLink(url)?.key;

describe("links as evidence", () => {
  it("recognises pull requests, commits and issues on each code host, by the host a browser opens", () => {
    expect(kind("https://github.com/a/b/pull/3")).toBe("pr");
    expect(kind("https://codeberg.org/a/b/pulls/3")).toBe("pr");
    expect(kind("https://bitbucket.org/a/b/pull-requests/3")).toBe("pr");
    expect(kind("https://gitlab.com/group/sub/proj/-/merge_requests/12")).toBe("pr");
    expect(kind("https://gitlab.example.org/g/p/-/merge_requests/1")).toBe("pr");
    expect(kind("https://git.sr.ht/a/b/pull/1")).toBe("pr");
    expect(kind("https://gitea.com/a/b/pulls/9")).toBe("pr");
    expect(kind("https://github.com/a/b/commit/9f8e7d6")).toBe("commit");
    expect(kind("https://github.com/a/b/commits/9f8e7d6c5b4a")).toBe("commit");
    expect(kind("https://gitlab.com/a/b/-/commit/9f8e7d6c5b")).toBe("commit");
    expect(kind("https://github.com/a/b/commit/9f8e7")).toBe("other"); // too short to be a commit
    expect(kind("https://github.com/a/b/issues/4")).toBe("issue");
    expect(kind("https://gitlab.com/g/p/-/issues/4")).toBe("issue");
    expect(kind("https://github.com/a/b/pull/x")).toBe("other");
    expect(kind("https://github.com/a")).toBe("other");
    // Lookalike paths on other hosts are not code evidence.
    expect(kind("https://evil.example/a/b/pull/3")).toBe("other");
    expect(kind("https://github.com@evil.example/a/b/pull/3")).toBe("other");
    expect(kind("https://github.com.evil.example/a/b/pull/3")).toBe("other");
  });

  it("recognises documentation by host and path", () => {
    for (const doc of [
      "https://docs.dao.org/guide",
      "https://doc.dao.org/x",
      "https://wiki.dao.org/x",
      "https://team.notion.site/Page",
      "https://www.notion.so/Page",
      "https://dao.gitbook.io/x",
      "https://hackmd.io/abc",
      "https://mirror.xyz/dao/post",
      "https://proj.readthedocs.io/en/latest",
      "https://docs.google.com/document/d/1",
      "https://dao.org/docs/setup",
      "https://dao.org/doc",
      "https://dao.org/wiki/Home",
      "https://github.com/a/b/blob/main/README.md",
    ]) {
      expect(kind(doc), doc).toBe("doc");
    }
    for (const other of ["https://sheets.example.com/d/1", "https://dao.org/documentary", "https://example.com"]) {
      expect(kind(other), other).toBe("other");
    }
  });

  it("keys the same work the same however it is written", () => {
    const k = "github.com/dao/steward/pr/42";
    for (const v of [
      "https://github.com/dao/steward/pull/42",
      "https://github.com/dao/steward/pull/42/",
      "https://github.com/dao/steward/pull/42/files",
      "https://www.GitHub.com/DAO/Steward/pull/42?tab=commits#top",
      "http://github.com/dao/steward/pull/42",
    ]) {
      expect(key(v), v).toBe(k);
    }
    expect(key("https://github.com/dao/steward/commit/9f8e7d6c5b4a")).toBe("github.com/dao/steward/commit/9f8e7d6");
    expect(key("https://Example.com/Some/Page/?q=1#x")).toBe("example.com/some/page");
    expect(key("https://example.com")).toBe("example.com");
  });

  it("accepts only http(s) links that parse", () => {
    for (const bad of ["javascript:alert(1)", "ftp://example.com/x", "not a url", "", "mailto:a@b.c"]) {
      expect(parseLink(bad), bad).toBeNull();
    }
    expect(parseLink("  https://example.com/x  ")?.host).toBe("example.com");
  });

  it("finds links written in text, without the punctuation around them", () => {
    expect(
      linksInText("See https://github.com/a/b/pull/1, and (http://docs.x.org/y). Also https://e.com/z!? ftp://no.pe"),
    ).toEqual(["https://github.com/a/b/pull/1", "http://docs.x.org/y", "https://e.com/z"]);
    expect(linksInText("no links here")).toEqual([]);
  });

  it("keeps one link per key, the first spelling, and drops what does not parse", () => {
    const d = distinctLinks([
      "https://github.com/a/b/pull/1",
      "https://github.com/A/B/pull/1/files",
      "garbage",
      "https://example.com/x",
    ]);
    expect(d.map((l) => l.key)).toEqual(["github.com/a/b/pr/1", "example.com/x"]);
  });
});

describe("links: the edges of each rule", () => {
  it("anchors every rule where it must", () => {
    expect(kind("https://github.com/extra/owner/repo/pull/3")).toBe("other");
    expect(kind("https://github.com/extra/owner/repo/commit/9f8e7d6c")).toBe("other");
    expect(kind("https://github.com/owner/repo/issues/42")).toBe("issue");
    expect(kind("https://gitlab.com/group/sub/project/-/issues/42")).toBe("issue");
    expect(kind("https://notgitlab.example.com/group/p/-/merge_requests/1")).toBe("other");
    expect(kind("https://mydocs.example.com/x")).toBe("other");
    expect(kind("https://notion.so.evil.example/x")).toBe("other");
    expect(kind("https://dao.org/notes.mdx")).toBe("other");
    expect(kind("https://dao.org/docs")).toBe("doc");
  });

  it("keeps host and path as they are apart from www., case and trailing slashes", () => {
    expect(key("https://sub.www.example.com/x")).toBe("sub.www.example.com/x");
    expect(key("https://example.com/a//")).toBe("example.com/a");
    expect(key("https://github.com/owner/repo/pull/123456789")).toBe("github.com/owner/repo/pr/123456789");
    expect(key("https://github.com/owner/repo/commit/0123456789abcdef")).toBe("github.com/owner/repo/commit/0123456");
  });
});
