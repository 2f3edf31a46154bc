import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { readableLogStream } from "../src/readableLogStream.ts";

describe("the logger", () => {
  it("cuts long strings (pasted user input) and still scrubs secrets inside them", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "info", destination: sink, secrets: ["s3cr3t-token"] });
    logger.error({ input: `s3cr3t-token ${"x".repeat(5_000)}`, err: new Error("y".repeat(3_000)) }, "failed");
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry.input).toBe(`[redacted] ${"x".repeat(989)}…(5011 characters)`);
    expect(entry.err.message).toHaveLength(1_000 + "…(3000 characters)".length);
    expect(lines[0]?.length).toBeLessThan(6_000);
  });

  it("writes readable lines for a person at a terminal", () => {
    let out = "";
    const terminal = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const logger = createLogger({ level: "info", destination: readableLogStream(terminal) });
    logger.info({ component: "database", applied: ["a", "b"] }, "migrations applied");
    expect(out).toMatch(/^\d\d:\d\d:\d\d INFO {2}migrations applied {2}component=database applied=\["a","b"\]\n$/);
  });
});
