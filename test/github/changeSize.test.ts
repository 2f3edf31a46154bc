import { describe, expect, it } from "vitest";
import { changeSize, isGenerated, isLockfile, isWhitespaceOnly } from "../../src/services/github/changeSize.ts";

describe("a change's size, with what is not work counted apart", () => {
  it("knows lockfiles by name, in any folder", () => {
    for (const f of ["package-lock.json", "web/yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "go.sum", "poetry.lock"])
      expect(isLockfile(f), f).toBe(true);
    for (const f of ["src/lock.ts", "docs/package-lock.md", "yarn.lock.ts"]) expect(isLockfile(f), f).toBe(false);
  });

  it("knows vendored, built and generated files", () => {
    for (const f of ["vendor/x/y.go", "dist/app.js", "a/b.min.js", "api/x.pb.go", "gen/__generated__/t.ts", "x_pb2.py"])
      expect(isGenerated(f), f).toBe(true);
    for (const f of ["src/vendors.ts", "src/distance.ts", "src/app.ts"]) expect(isGenerated(f), f).toBe(false);
  });

  it("a patch that only moves whitespace or adds blank lines; any other change is work; no patch: cannot tell", () => {
    expect(isWhitespaceOnly("@@ -1,2 +1,3 @@\n-if (a){\n-  b()}\n+if (a) {\n+\n+  b() }")).toBe(true);
    expect(isWhitespaceOnly("@@ -1 +1 @@\n-const a = 1;\n+const a = 2;")).toBe(false);
    expect(isWhitespaceOnly("@@ -1 +1,2 @@\n x\n+y")).toBe(false);
    expect(isWhitespaceOnly(undefined)).toBe(false);
    expect(isWhitespaceOnly("")).toBe(false);
  });

  it("context lines and GitHub's no-newline marker are neither side of the change; hunk headers are skipped", () => {
    // Re-indented, between unchanged lines, the file's last line without a newline.
    const reindent =
      "@@ -1,3 +1,3 @@\n keep()\n-if (a){ b() }\n+if (a) {  b()  }\n keep()\n\\ No newline at end of file";
    expect(isWhitespaceOnly(reindent)).toBe(true);
    // An added line that merely ends like a hunk header is still a change.
    expect(isWhitespaceOnly("@@ -1 +1,2 @@\n-a\n+a\n+b @@")).toBe(false);
    expect(isWhitespaceOnly("@@ -1 +1 @@\n-x  @@\n+x @@")).toBe(true);
  });

  it("adds every file up and counts each kind apart once", () => {
    expect(
      changeSize([
        { filename: "src/a.ts", additions: 10, deletions: 5 },
        { filename: "package-lock.json", additions: 100, deletions: 90 },
        { filename: "dist/a.js", additions: 7, deletions: 0 },
        { filename: "src/b.ts", additions: 1, deletions: 1, patch: "@@ -1 +1 @@\n-a  b\n+a b" },
      ]),
    ).toEqual({
      additions: 118,
      deletions: 96,
      files: 4,
      apart: { additions: 108, deletions: 91, files: 3, lockfiles: 1, generated: 1, whitespaceOnly: 1 },
    });
  });
});
