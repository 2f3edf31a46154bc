import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/openDatabase.ts";
import { startStewardProcess } from "../test/helpers/stewardProcess.ts";

const N = Number(process.argv[2] ?? 500);
const dataDir = mkdtempSync(join(tmpdir(), "steward-burst-"));
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  SANDBOX_PORT: "0",
  HTTP_PORT: "0",
  STEWARD_DATA_DIR: dataDir,
  LOG_LEVEL: "info",
  SETTLEMENT_MODE: "off",
  DUPLICATE_SUBMISSION_WINDOW: "1s",
};
const t0 = Date.now();
const { proc, client, stderr } = await startStewardProcess(env);
console.log("started in", Date.now() - t0);
const users = Array.from({ length: 20 }, (_, i) => `u${i}`);
for (const u of users) await client.createUser(u, ["Member"]);
const creds = JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8"));
const db = await openDatabase({
  kind: "postgres",
  url: `postgresql://${creds.user}:${creds.password}@127.0.0.1:${creds.port}/steward`,
});
const start = Date.now();
let next = 0;
const lat: number[] = [];
await Promise.all(
  Array.from({ length: 25 }, async () => {
    for (let i = next++; i < N; i = next++) {
      const s = Date.now();
      await client.run(users[i % users.length] as string, "contribute submit", {
        title: `Burst item ${i}`,
        category: "docs",
        description: `Wrote page ${i} of the handbook.`,
      });
      lat.push(Date.now() - s);
    }
  }),
);
const acked = Date.now();
console.log(
  "submitted in",
  acked - start,
  "ms; p50",
  lat.sort((a, b) => a - b)[Math.floor(lat.length / 2)],
  "p99",
  lat[Math.floor(lat.length * 0.99)],
);
for (;;) {
  const n = await db.prisma.evaluation.count();
  if (n >= N) break;
  await new Promise((r) => setTimeout(r, 100));
}
console.log("all evaluated at", Date.now() - start, "ms after burst start,", Date.now() - acked, "after last ack");
for (;;) {
  const n = await db.prisma.pendingPost.count();
  if (n === 0) break;
  await new Promise((r) => setTimeout(r, 500));
}
console.log("all posted at", Date.now() - start);
const msgs = await client.messages("contributions");
console.log("messages in #contributions:", msgs.length);
const overlap = stderr()
  .split("\n")
  .filter((l) => /overlap|still running/.test(l));
console.log("overlap lines:", overlap.length);
const t1 = Date.now();
proc.kill("SIGTERM");
await new Promise((r) =>
  proc.once("exit", (code, sig) => {
    console.log("exit", code, sig);
    r(null);
  }),
);
console.log("stopped in", Date.now() - t1);
console.log(
  stderr()
    .split("\n")
    .filter((l) => /shutdown|stopp/.test(l))
    .join("\n"),
);
await db.close();
