import { Writable } from "node:stream";

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const HIDDEN = new Set(["level", "time", "msg", "app", "pid", "hostname"]);

/**
 * pino's JSON lines as a person at a terminal reads them: `12:04:05 INFO  migrations applied  applied=[…]`. Machines
 * (a pipe, a file, a log collector) still get JSON: this is used only when stderr is a terminal (LOG_FORMAT=auto).
 */
export function readableLogStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n")) {
        if (line.trim() === "") continue;
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          out.write(`${line}\n`);
          continue;
        }
        const time = new Date(Number(entry.time)).toTimeString().slice(0, 8);
        const level = (LEVELS[Number(entry.level)] ?? String(entry.level)).padEnd(5);
        const context = Object.entries(entry)
          .filter(([k]) => !HIDDEN.has(k))
          .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(" ");
        out.write(`${time} ${level} ${String(entry.msg ?? "")}${context ? `  ${context}` : ""}\n`);
      }
      done();
    },
  });
}
