/**
 * Writes the settings reference (docs/operators/settings.md) from the zod schema in src/config.ts: each key's
 * `.meta()` gives its group, its description and, for a key without a default, what leaving it out means; the default
 * is read from the schema itself. Only the part between the two markers is written; the prose around it is the doc's.
 *
 *   npx tsx scripts/settings-table.ts          rewrite the table
 *   npx tsx scripts/settings-table.ts --check  exit 1 when the committed table is not what the schema gives
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { z } from "zod";
import { configSchema } from "../src/config.ts";

export const SETTINGS_DOC = "docs/operators/settings.md";
export const START_MARKER = "<!-- settings-table:start (written by scripts/settings-table.ts from src/config.ts) -->";
export const END_MARKER = "<!-- settings-table:end -->";

/** The sections of the reference, in this order; a key's `group` must be one of them. */
export const SETTING_GROUPS = {
  discord: "Discord and the sandbox",
  process: "Process, database and logs",
  http: "HTTP server",
  contributions: "Contributions and wallets",
  evaluation: "Evaluations and appeals",
  epochs: "Token and epochs",
  votes: "Votes",
  approvals: "Approvals",
  settlement: "Chain and settlement",
  compute: "Compute",
} as const;

export interface SettingDoc {
  key: string;
  group: keyof typeof SETTING_GROUPS;
  description: string;
  /** The default as a person would write it in the environment, or what leaving the key out means. */
  defaultText: string;
}

type AnySchema = z.ZodType & { _zod: { def: { type: string; in?: AnySchema; defaultValue?: unknown } } };

/** The value the schema uses when the key is absent, as written in the environment (null: none). */
function defaultOf(schema: AnySchema): string | null {
  const def = schema._zod.def;
  // `.prefault(x)` holds what a person writes ("8s"), parsed like any value; `.default(x)` holds the parsed value.
  if (def.type === "prefault" || def.type === "default") {
    const value = def.defaultValue;
    return value === undefined || value === "" ? null : String(value);
  }
  if (def.type === "pipe" && def.in) return defaultOf(def.in);
  return null;
}

/** Every key of the schema with its documentation; throws naming each key that has none or an unknown group. */
export function settingDocs(): SettingDoc[] {
  const problems: string[] = [];
  const docs: SettingDoc[] = [];
  for (const [key, schema] of Object.entries(configSchema.shape)) {
    const meta = (schema as AnySchema).meta() as { group?: string; description?: string; unset?: string } | undefined;
    if (!meta?.description) problems.push(`${key}: no .meta({ description }) in src/config.ts`);
    if (!meta?.group || !(meta.group in SETTING_GROUPS)) {
      problems.push(`${key}: .meta({ group }) must be one of ${Object.keys(SETTING_GROUPS).join(", ")}`);
    }
    if (!meta?.description || !meta.group || !(meta.group in SETTING_GROUPS)) continue;
    const fallback = defaultOf(schema as AnySchema);
    docs.push({
      key,
      group: meta.group as keyof typeof SETTING_GROUPS,
      description: meta.description,
      defaultText: fallback !== null ? `\`${fallback}\`` : (meta.unset ?? "*(unset)*"),
    });
  }
  if (problems.length > 0) throw new Error(`Undocumented settings:\n${problems.join("\n")}`);
  return docs;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- ]/gu, "")
    .replaceAll(" ", "-");

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The tables, one section per group, keys in the schema's order. */
export function renderSettingsTables(docs: SettingDoc[] = settingDocs()): string {
  const present = Object.entries(SETTING_GROUPS).filter(([group]) => docs.some((d) => d.group === group));
  const out: string[] = [present.map(([, title]) => `[${title}](#${anchorOf(title)})`).join(" · "), ""];
  for (const [group, title] of present) {
    const rows = docs.filter((d) => d.group === group);
    out.push(`### ${title}`, "", "| variable | default | meaning |", "|---|---|---|");
    for (const d of rows) out.push(`| \`${d.key}\` | ${cell(d.defaultText)} | ${cell(d.description)} |`);
    out.push("");
  }
  return out.join("\n");
}

/** The doc with the part between the markers replaced by the current tables. */
export function withCurrentTables(doc: string, tables: string = renderSettingsTables()): string {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start < 0 || end < start)
    throw new Error(`${SETTINGS_DOC}: the markers ${START_MARKER} … ${END_MARKER} are missing`);
  return `${doc.slice(0, start + START_MARKER.length)}\n\n${tables}\n${doc.slice(end)}`;
}

function main(args: string[]): void {
  const path = fileURLToPath(new URL(`../${SETTINGS_DOC}`, import.meta.url));
  const committed = readFileSync(path, "utf8");
  const current = withCurrentTables(committed);
  if (args.includes("--check")) {
    if (current !== committed) {
      console.error(`${SETTINGS_DOC} is out of date: run npx tsx scripts/settings-table.ts`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(path, current);
  process.stdout.write(`${SETTINGS_DOC}: ${settingDocs().length} settings\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
