import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layer map of ../shared/DESIGN.md as the code has it: each room may import itself and the rooms listed, nothing
 * else. The list is a ladder (no room reaches back to one that reaches it), so "no import outside the list" is "no
 * arrow that runs back up". Where it differs from DESIGN.md's table: chain/ is an adapter that implements the ports
 * services/ declare (so it stands above services/, never below). config.ts (the raw settings) is read only by the
 * composition root (src/*.ts) and the logger (which secrets to scrub): the adapters get settings grouped for them.
 */
const ROOMS = [
  "root",
  "discord",
  "http",
  "jobs",
  "chain",
  "nodeAgent",
  "services",
  "metrics",
  "llm",
  "db",
  "logger",
  "config",
  "commands",
  "i18n",
  "base",
] as const;
type Room = (typeof ROOMS)[number];

const MAY_IMPORT: Record<Room, readonly Room[]> = {
  // The composition root and entry points (src/*.ts but the ground floor's files, config and logger): everything.
  root: ROOMS.filter((room) => room !== "root"),
  discord: ["services", "llm", "db", "logger", "commands", "i18n", "base"],
  http: ["services", "logger", "i18n", "base"],
  jobs: ["services", "logger", "base"],
  chain: ["services", "base"],
  nodeAgent: ["services", "base"],
  services: ["llm", "db", "metrics", "logger", "base"],
  metrics: ["db", "base"],
  llm: ["base"],
  db: ["base"],
  logger: ["config", "base"],
  config: ["i18n", "base"],
  // Command definitions carry their descriptions in every language.
  commands: ["i18n"],
  // The words in every language: catalogs and the formatter, nothing of Steward's rules.
  i18n: [],
  // Facts several rooms say alike keep their words here, in the reader's language.
  base: ["i18n"],
};

const FOLDERS: Record<string, Room> = {
  "src/discord/": "discord",
  "src/http/": "http",
  "src/jobs/": "jobs",
  "src/chain/": "chain",
  "src/nodeAgent/": "nodeAgent",
  "src/services/": "services",
  "src/metrics/": "metrics",
  "src/llm/": "llm",
  "src/db/": "db",
  "src/base/": "base",
  "src/i18n/": "i18n",
  "src/generated/": "db",
  "commands/": "commands",
};

/** The ground floor's files at the top of src/: small helpers that import nothing of Steward but each other. */
const GROUND_FILES = new Set([
  "src/processAlive.ts",
  "src/votingTypes.ts",
  "src/securityHeaders.ts",
  "src/staticPages.ts",
  "src/readableLogStream.ts",
  "src/watchOwner.ts",
  "src/watchLauncher.ts",
  "src/runningInstance.ts",
]);

function roomOf(path: string): Room {
  for (const [folder, room] of Object.entries(FOLDERS)) if (path.startsWith(folder)) return room;
  if (path === "src/config.ts") return "config";
  if (path === "src/logger.ts") return "logger";
  if (GROUND_FILES.has(path)) return "base";
  return "root";
}

const repo = resolve(import.meta.dirname, "../..");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(repo, folder), { recursive: true, encoding: "utf8" })
    .map((name) => `${folder}/${name.replaceAll("\\", "/")}`)
    .filter(
      (path) =>
        /\.(ts|js|mjs)$/.test(path) && !path.startsWith("src/generated/") && !/\/(dist|node_modules)\//.test(path),
    );
}

/** The specifiers a file imports (import, export-from, dynamic import, require). */
const specifiers = (file: string) =>
  ts.preProcessFile(readFileSync(join(repo, file), "utf8"), true, true).importedFiles.map((i) => i.fileName);

/** Every relative import, export-from, dynamic import and require of each file, resolved to a path of the repo. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles("src"), ...sourceFiles("commands")]) {
    const targets = specifiers(file)
      .filter((name) => name.startsWith("."))
      .map((name) => relative(repo, resolve(repo, dirname(file), name)).replaceAll("\\", "/"));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe("the import graph", () => {
  const graph = importGraph();

  it("reads the tree it checks", () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get("src/cli.ts")).toContain("src/config.ts");
  });

  it("has no circles", () => {
    const report = circles(graph).map((component) =>
      component
        .flatMap((file) => (graph.get(file) ?? []).filter((t) => component.includes(t)).map((t) => `${file} -> ${t}`))
        .join("\n"),
    );
    expect(report, `circles:\n${report.join("\n\n")}`).toEqual([]);
  });

  it("has no arrow against the layer map", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = roomOf(file);
      for (const target of targets) {
        const to = roomOf(target);
        if (to !== from && !MAY_IMPORT[from].includes(to)) wrong.push(`${file} (${from}) -> ${target} (${to})`);
      }
    }
    expect(wrong, `imports against the layer map:\n${wrong.join("\n")}`).toEqual([]);
  });

  it("is a ladder: no room may import a room that may import it", () => {
    const reaches = (from: Room, to: Room, seen = new Set<Room>()): boolean =>
      MAY_IMPORT[from].some((r) => r === to || (!seen.has(r) && seen.add(r) && reaches(r, to, seen)));
    const loops = (Object.keys(MAY_IMPORT) as Room[]).filter((room) => reaches(room, room));
    expect(loops).toEqual([]);
  });
});

/**
 * The workspace packages (packages/*) are libraries of their own: their code and tests reach nothing outside their
 * folder but other packages, by name, and Steward reaches them only by name (`@steward/...`), never by a path.
 */
describe("the workspace packages", () => {
  const packages = readdirSync(join(repo, "packages"));

  it("are found", () => {
    expect(packages).toContain("managed-postgres");
  });

  it.each(packages)("%s imports nothing of Steward", (name) => {
    const own = `packages/${name}/`;
    const outside = sourceFiles(`packages/${name}`).flatMap((file) =>
      specifiers(file)
        .filter((spec) =>
          spec.startsWith(".")
            ? !relative(repo, resolve(repo, dirname(file), spec))
                .replaceAll("\\", "/")
                .startsWith(own)
            : spec === "steward" || spec.startsWith("steward/"),
        )
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(outside, `imports out of packages/${name}:\n${outside.join("\n")}`).toEqual([]);
  });

  it("are reached from Steward by their names only", () => {
    const byPath = ["src", "commands", "test", "bench", "scripts"].flatMap((folder) =>
      sourceFiles(folder).flatMap((file) =>
        specifiers(file)
          .filter((spec) => /(^|\/)packages\//.test(spec))
          .map((spec) => `${file} -> ${spec}`),
      ),
    );
    expect(byPath).toEqual([]);
  });
});
