import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "./config.ts";
import { createContainer } from "./container.ts";
import type { Logger } from "./logger.ts";
import { type EpochExport, exportEpoch, toCsv } from "./services/audit/exportEpoch.ts";

const usage = "Usage: steward export --epoch <n> [--format csv|json] [--out <dir>] [--guild <server id>]\n";

/** `steward export --epoch N`: one epoch's books as CSV files (one per table) or one JSON file. */
export async function exportCommand(config: Config, logger: Logger, args: string[], out: (line: string) => void) {
  const options = new Map<string, string>();
  for (let n = 0; n < args.length; n += 2) {
    const [flag, value] = [args[n], args[n + 1]];
    if (!flag || !["--epoch", "--format", "--out", "--guild"].includes(flag) || value === undefined) {
      process.stderr.write(`${flag && !flag.startsWith("--") ? `Unexpected "${flag}". ` : ""}${usage}`);
      return 2;
    }
    options.set(flag, value);
  }
  const epoch = Number(options.get("--epoch"));
  const format = options.get("--format") ?? "csv";
  if (!Number.isInteger(epoch) || epoch < 1 || (format !== "csv" && format !== "json")) {
    process.stderr.write(
      `${!Number.isInteger(epoch) || epoch < 1 ? "--epoch must be an epoch number (1, 2, …). " : `--format must be csv or json, not "${format}". `}${usage}`,
    );
    return 2;
  }
  const dir = resolve(options.get("--out") ?? `steward-export-epoch-${epoch}`);
  const container = await createContainer(config, logger, { role: "export" });
  try {
    const books = await exportEpoch(container.services, epoch, options.get("--guild"));
    mkdirSync(dir, { recursive: true });
    const written = format === "json" ? writeJson(dir, books) : writeCsv(dir, books);
    out(`Epoch ${epoch} (${books.epoch.status}) exported to ${dir}:`);
    for (const line of written) out(`  ${line}`);
    return 0;
  } finally {
    await container.close();
  }
}

const TABLES = ["contributions", "evaluations", "votes", "approvals", "payouts", "compute"] as const;

function writeCsv(dir: string, books: EpochExport) {
  return TABLES.map((table) => {
    const file = `epoch-${books.epoch.number}-${table}.csv`;
    writeFileSync(join(dir, file), toCsv(books[table], table));
    return `${file} (${books[table].length} rows)`;
  });
}

function writeJson(dir: string, books: EpochExport) {
  const file = `epoch-${books.epoch.number}.json`;
  writeFileSync(join(dir, file), `${JSON.stringify(books, null, 2)}\n`);
  return [`${file} (${TABLES.map((t) => `${books[t].length} ${t}`).join(", ")})`];
}
