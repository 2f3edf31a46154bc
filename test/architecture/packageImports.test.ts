import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The workspace packages (packages/*) are libraries of their own: nothing in them imports Steward's code (a relative
 * import stays inside the package, a bare one names a dependency the package declares), and Steward reaches them only
 * by their name, through their public API (no relative path into a package).
 */
const repo = resolve(import.meta.dirname, "../..");
const PACKAGES = readdirSync(join(repo, "packages")).filter((name) =>
  existsSync(join(repo, "packages", name, "package.json")),
);
const SKIP = /(^|\/)(node_modules|dist)(\/|$)/;

function codeFiles(folder: string): string[] {
  return readdirSync(join(repo, folder), { recursive: true, encoding: "utf8" })
    .map((name) => `${folder}/${name.replaceAll("\\", "/")}`)
    .filter((path) => /\.(ts|js|mjs)$/.test(path) && !SKIP.test(relative(folder, path)));
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(join(repo, file), "utf8"), true, true).importedFiles.map((i) => i.fileName);
}

/** "ws" of "ws", "@scope/name" of "@scope/name/sub". */
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const builtins = new Set(builtinModules);

describe("the workspace packages", () => {
  it("are found", () => {
    expect(PACKAGES).toContain("discord-sandbox");
    expect(PACKAGES).toContain("github-sandbox");
  });

  for (const name of PACKAGES) {
    const folder = `packages/${name}`;
    const manifest = JSON.parse(readFileSync(join(repo, folder, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const runtime = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const development = new Set([...runtime, ...Object.keys(manifest.devDependencies ?? {})]);

    it(`${name} imports nothing of Steward: only its own files, node's and the dependencies it declares`, () => {
      const files = codeFiles(folder);
      expect(files.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const file of files) {
        const allowed = file.startsWith(`${folder}/src/`) ? runtime : development;
        for (const specifier of importsOf(file)) {
          if (specifier.startsWith(".")) {
            const target = relative(repo, resolve(repo, dirname(file), specifier)).replaceAll("\\", "/");
            if (!target.startsWith(`${folder}/`)) wrong.push(`${file} -> ${target}`);
          } else if (
            !specifier.startsWith("node:") &&
            !builtins.has(specifier) &&
            !allowed.has(packageName(specifier))
          ) {
            wrong.push(`${file} -> ${specifier} (not a dependency of ${manifest.name})`);
          }
        }
      }
      expect(wrong, `imports out of ${folder}:\n${wrong.join("\n")}`).toEqual([]);
    });

    it(`Steward reaches ${name} only by its name (${manifest.name}), never by a path into it`, () => {
      const wrong: string[] = [];
      for (const file of ["src", "commands", "test", "bench", "scripts"].flatMap(codeFiles)) {
        for (const specifier of importsOf(file)) {
          const target = specifier.startsWith(".")
            ? relative(repo, resolve(repo, dirname(file), specifier)).replaceAll("\\", "/")
            : specifier;
          if (target.startsWith(`${folder}/`) || target.startsWith(`${manifest.name}/`))
            wrong.push(`${file} -> ${target}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
