import { execFile, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { solveOnCpu } from "../../src/nodeAgent/answerChallenge.ts";
import { EXIT_NO_DEVICE } from "../../src/nodeAgent/binarySolver.ts";
import { buildCudaSolver, CUDA_SOURCE, onPath } from "../../src/nodeAgent/buildCudaSolver.ts";
import {
  chooseChallengeSolver,
  noNvidiaDriver,
  SolverUnavailable,
  verifyGpuSolver,
} from "../../src/nodeAgent/chooseChallengeSolver.ts";
import { cpuSolver } from "../../src/nodeAgent/cpuSolver.ts";
import { solveLane } from "../../src/services/compute/challengeWork.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "steward-solver-"));
const bin = join(process.cwd(), "bin", "steward.js");
const nvcc = onPath("nvcc");
const gpp = onPath("g++");
const driverless = noNvidiaDriver() !== undefined;

// What the host build is compiled with: nvcc when installed (the build the agent uses), else g++ (host only).
async function hostBuild(): Promise<string> {
  const out = join(dir, "host-solver");
  if (nvcc) await run(nvcc, ["-O3", "-o", out, CUDA_SOURCE], { timeout: 300_000 });
  else await run(gpp as string, ["-O2", "-x", "c++", "-o", out, CUDA_SOURCE], { timeout: 120_000 });
  return out;
}

/** A "GPU solver" that answers like the real one but with wrong lanes: a provider's tampered or broken build. */
function wrongSolver(): string {
  const file = join(dir, "wrong-solver");
  writeFileSync(
    file,
    '#!/bin/sh\n[ "$1" = --device ] && { echo "Fake GPU"; exit 0; }\n' +
      `i=0; while [ $i -lt "$3" ]; do echo 0x${"ab".repeat(32)}; i=$((i+1)); done\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

const key = join(dir, "node.key");
let keyCreated: Promise<unknown> | undefined;

/**
 * Starts `steward node-agent` (by default against an address where no Steward listens); its output until `until`
 * appears (by default the solver line) or it exits.
 */
async function agentStart(env: Record<string, string>, api = "http://127.0.0.1:9", until = /challenge solver: .*\n/) {
  keyCreated ??= run(process.execPath, [bin, "node-agent", "--key", key]);
  await keyCreated;
  const agent = spawn(process.execPath, [bin, "node-agent", "--api", api, "--node", "1", "--key", key], {
    env: { PATH: process.env.PATH ?? "", STEWARD_DATA_DIR: dir, ...env },
  });
  let output = "";
  agent.stdout.on("data", (c: Buffer) => {
    output += c.toString();
    if (until.test(output)) agent.kill("SIGKILL");
  });
  agent.stderr.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const code = await new Promise<number | null>((resolve) => agent.on("exit", (c) => resolve(c)));
  return { code, output };
}

const CASES = [
  { seed: `0x${"00".repeat(32)}`, first: 0, count: 3, laneKib: 1 },
  { seed: `0x${"c0ffee".repeat(10)}ab`, first: 5, count: 4, laneKib: 3 },
  { seed: "0x1f", first: 4_294_967_290, count: 2, laneKib: 7 },
  { seed: `0x${"9e".repeat(32)}`, first: 17, count: 2, laneKib: 64 },
];

describe("the CUDA solver's lane function (gpu/challengeSolver.cu) on the host", () => {
  it.skipIf(!nvcc && !gpp)(
    `gives exactly solveLane's results (built with ${nvcc ? "nvcc" : gpp ? "g++" : "neither: no nvcc or g++ on PATH"})`,
    async () => {
      const solver = await hostBuild();
      for (const c of CASES) {
        const { stdout } = await run(solver, ["--cpu", c.seed, String(c.first), String(c.count), String(c.laneKib)]);
        const expected = Array.from({ length: c.count }, (_, i) => solveLane(c.seed, c.first + i, c.laneKib));
        expect(stdout.trim().split("\n"), JSON.stringify(c)).toEqual(expected);
      }
    },
    300_000,
  );

  it.skipIf(!nvcc)(
    `without a CUDA device exits with its no-device code and the reason${nvcc ? "" : " (skipped: no nvcc on PATH)"}`,
    async () => {
      const solver = await hostBuild();
      const device = await run(solver, ["--device"]).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      // On a machine with a GPU there is nothing to check here: the device is there.
      if (device === null) return;
      expect(device.code).toBe(EXIT_NO_DEVICE);
      expect(device.stderr.trim()).not.toBe("");
    },
    300_000,
  );
});

describe("the agent's choice of solver", () => {
  it.skipIf(!driverless)(
    `auto on a machine without the NVIDIA driver: nothing is built, the CPU solves, and the agent says why${driverless ? "" : " (skipped: an NVIDIA driver is loaded here)"}`,
    async () => {
      const cacheDir = join(dir, "no-driver-cache");
      const solver = await chooseChallengeSolver({ mode: "auto", cacheDir, threads: 1 });
      expect(solver.description).toBe(`cpu (${noNvidiaDriver()}) on 1 thread(s)`);
      // No compiler run (nvcc takes seconds, and the heartbeats would wait for it at every start).
      expect(existsSync(cacheDir)).toBe(false);
      const { code, output } = await agentStart({ CHALLENGE_SOLVER: "auto" });
      expect(output).toContain(`challenge solver: cpu (${noNvidiaDriver()}) on`);
      expect(code).not.toBe(2);
    },
    60_000,
  );

  it.skipIf(!nvcc)(
    `a solver nvcc built, on a machine without a CUDA device, fails its check with the device's reason${nvcc ? "" : " (skipped: no nvcc on PATH)"}`,
    async () => {
      const built = await buildCudaSolver(join(dir, "challenge-solver"));
      if (!("binary" in built)) throw new Error(built.reason);
      const verified = await verifyGpuSolver(built.binary);
      // Where a GPU is present the self-test decides; here there is none.
      if ("device" in verified) return;
      expect(verified.reason).toMatch(/^no CUDA device: .+/);
    },
    300_000,
  );

  it("auto without nvcc on PATH: the CPU solver, saying so (or that no driver is loaded, which is checked first)", async () => {
    const why = noNvidiaDriver() ?? "no nvcc on PATH";
    const solver = await chooseChallengeSolver({ mode: "auto", cacheDir: join(dir, "challenge-solver"), threads: 1 });
    if (!nvcc || driverless) expect(solver.description).toBe(`cpu (${why}) on 1 thread(s)`);
    const { output } = await agentStart({ PATH: "/nonexistent", CHALLENGE_SOLVER: "auto", CHALLENGE_THREADS: "3" });
    expect(output).toContain(`challenge solver: cpu (${why}) on 3 thread(s)\n`);
  }, 60_000);

  it("a solver binary whose lanes are wrong is refused by the self-test, and the CPU solver is used", async () => {
    const solver = await chooseChallengeSolver({
      mode: "auto",
      solverPath: wrongSolver(),
      cacheDir: join(dir, "challenge-solver"),
      threads: 2,
    });
    expect(solver.description).toBe("cpu (GPU result differed from the CPU reference: not used) on 2 thread(s)");
    const task = { id: 1, seed: `0x${"12".repeat(32)}`, lanes: 3, laneKib: 2, deadlineMs: 1000 };
    expect(await solver.solve(task)).toEqual(await solveOnCpu(task));
    const { output } = await agentStart({ CHALLENGE_SOLVER_PATH: wrongSolver() });
    expect(output).toMatch(/challenge solver: cpu \(GPU result differed from the CPU reference: not used\)/);
  }, 60_000);

  it("CHALLENGE_SOLVER=cuda with no usable GPU solver: the agent refuses to start, with the reason", async () => {
    await expect(
      chooseChallengeSolver({
        mode: "cuda",
        solverPath: wrongSolver(),
        cacheDir: join(dir, "challenge-solver"),
        threads: 1,
      }),
    ).rejects.toThrow(new SolverUnavailable("GPU result differed from the CPU reference: not used"));
    const { code, output } = await agentStart({ CHALLENGE_SOLVER: "cuda", PATH: "/nonexistent" });
    expect(code).toBe(2);
    expect(output).toContain(
      `node-agent: CHALLENGE_SOLVER=cuda, but the GPU solver is not usable: ${noNvidiaDriver() ?? "no nvcc on PATH"}`,
    );
    expect(output).not.toContain("challenge solver:");
  }, 60_000);

  it("a CHALLENGE_SOLVER the agent does not know stops it with the values it takes", async () => {
    const { code, output } = await agentStart({ CHALLENGE_SOLVER: "gpu" });
    expect(code).toBe(2);
    expect(output).toContain('CHALLENGE_SOLVER must be auto, cpu or cuda, not "gpu".');
  }, 60_000);
});

describe("the CPU solver on worker threads", () => {
  it("gives the sequential solver's lanes, in order, for several challenges at once", async () => {
    const solve = cpuSolver(3);
    const tasks = [
      { id: 1, seed: `0x${"a1".repeat(32)}`, lanes: 7, laneKib: 5, deadlineMs: 1000 },
      { id: 2, seed: `0x${"b2".repeat(32)}`, lanes: 5, laneKib: 16, deadlineMs: 1000 },
      { id: 3, seed: `0x${"c3".repeat(32)}`, lanes: 1, laneKib: 1, deadlineMs: 1000 },
    ];
    const parallel = await Promise.all(tasks.map(solve));
    expect(parallel).toEqual(await Promise.all(tasks.map(solveOnCpu)));
    expect(await solve({ ...tasks[0], lanes: 0 } as (typeof tasks)[0])).toEqual([]);
  }, 60_000);
});

/**
 * A stand-in Steward that sends the agent one challenge in its first heartbeat's answer and keeps the lanes the agent
 * posts back.
 */
async function oneChallengeSteward(challenge: { id: number; seed: string; lanes: number; laneKib: number }) {
  let answer: { lanes: string[] } | undefined;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.url?.endsWith("/heartbeat-domain"))
        return res.end(
          JSON.stringify({
            domain: { name: "Steward Heartbeat", version: "1", salt: `0x${"11".repeat(32)}` },
            intervalMs: 60_000,
          }),
        );
      if (req.url?.endsWith("/heartbeat"))
        return res.end(JSON.stringify({ challenge: { ...challenge, deadlineMs: 60_000 } }));
      answer = JSON.parse(body);
      res.end(JSON.stringify({ status: "passed" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: () => answer,
    close: () => server.close(),
  };
}

describe("the agent answers its challenges with the solver it chose", () => {
  const challenge = { id: 7, seed: `0x${"7a".repeat(32)}`, lanes: 5, laneKib: 9 };
  const expected = () => solveOnCpu({ ...challenge, deadlineMs: 1 });

  it("the CPU solver on threads", async () => {
    const steward = await oneChallengeSteward(challenge);
    const { output } = await agentStart(
      { CHALLENGE_SOLVER: "cpu", CHALLENGE_THREADS: "2" },
      steward.url,
      /challenge #7: (passed|refused|could not).*\n/,
    );
    steward.close();
    expect(output).toContain("challenge solver: cpu (CHALLENGE_SOLVER=cpu) on 2 thread(s)");
    expect(output).toMatch(/challenge #7: passed, solved in \d+ ms/);
    expect(steward.answer()?.lanes).toEqual(await expected());
  }, 60_000);

  it.skipIf(!nvcc && !gpp)(
    `a GPU solver that passed its self-test (the host build standing in for the device)${nvcc || gpp ? "" : " (skipped: no nvcc or g++ on PATH)"}`,
    async () => {
      const host = await hostBuild();
      const marker = join(dir, "stand-in-ran");
      const standIn = join(dir, "stand-in-solver");
      writeFileSync(
        standIn,
        `#!/bin/sh\n[ "$1" = --device ] && { echo "Host stand-in"; exit 0; }\n[ "$2" = 0 ] && touch '${marker}'\nexec '${host}' --cpu "$@"\n`,
      );
      chmodSync(standIn, 0o755);
      const steward = await oneChallengeSteward(challenge);
      const { output } = await agentStart(
        { CHALLENGE_SOLVER: "cuda", CHALLENGE_SOLVER_PATH: standIn },
        steward.url,
        /challenge #7: (passed|refused|could not).*\n/,
      );
      steward.close();
      expect(output).toContain("challenge solver: cuda (Host stand-in)");
      expect(output).toMatch(/challenge #7: passed, solved in \d+ ms/);
      expect(existsSync(marker)).toBe(true);
      expect(steward.answer()?.lanes).toEqual(await expected());
    },
    300_000,
  );
});
