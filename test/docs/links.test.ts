import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
  );
}

/** GitHub's anchors for a page's headings (code blocks skipped). */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading?.[1]) {
      anchors.add(
        heading[1]
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\- ]/gu, "")
          .replaceAll(" ", "-"),
      );
    }
  }
  return anchors;
}

const packageReadmes = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name, "README.md"))
  .filter((file) => existsSync(file));
const pages = [join(root, "README.md"), ...markdownFiles(join(root, "docs")), ...packageReadmes];

describe("the documentation", () => {
  it("keeps the README a front page: under 200 lines, with the test command CI runs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.split("\n").length).toBeLessThan(200);
    const ci = readFileSync(join(root, ".ci/run"), "utf8");
    const command = /^npm ci && npm test$/m.exec(ci)?.[0];
    expect(command).toBeDefined();
    expect(readme).toContain(`\`\`\`sh\n${command}\n\`\`\``);
  });

  it.each(pages.map((p) => [relative(root, p), p]))(
    "%s: every relative link reaches a file and a heading",
    (_, page) => {
      const text = readFileSync(page, "utf8").replace(/```[\s\S]*?```/g, "");
      const broken: string[] = [];
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        const [path = "", anchor] = target.split("#");
        const file = path === "" ? page : join(dirname(page), path);
        if (!existsSync(file)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor && file.endsWith(".md") && !anchorsOf(readFileSync(file, "utf8")).has(anchor)) {
          broken.push(`${target}: no such heading`);
        }
      }
      expect(broken).toEqual([]);
    },
  );
});
