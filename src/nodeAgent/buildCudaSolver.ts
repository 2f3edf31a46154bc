import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { firstLine } from "./binarySolver.ts";

/** The CUDA solver's source, shipped in the repository. */
export const CUDA_SOURCE = fileURLToPath(new URL("./gpu/challengeSolver.cu", import.meta.url));

/** The first executable `name` on PATH, as a shell would find it. */
export function onPath(name: string, path = process.env.PATH ?? ""): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

/**
 * Compiles gpu/challengeSolver.cu with nvcc into `cacheDir`, under the source's sha256 (a changed source is compiled
 * again; an unchanged one once). The binary, or why there is none.
 */
export async function buildCudaSolver(cacheDir: string): Promise<{ binary: string } | { reason: string }> {
  const nvcc = onPath("nvcc");
  if (!nvcc) return { reason: "no nvcc on PATH" };
  try {
    const source = readFileSync(CUDA_SOURCE);
    const dir = join(cacheDir, createHash("sha256").update(source).digest("hex"));
    const binary = join(dir, "challengeSolver");
    if (existsSync(binary)) return { binary };
    mkdirSync(dir, { recursive: true });
    const partial = `${binary}.${process.pid}.tmp`;
    const error = await new Promise<string | null>((resolve) =>
      execFile(nvcc, ["-O3", "-o", partial, CUDA_SOURCE], { timeout: 300_000 }, (e, _out, stderr) =>
        resolve(e ? firstLine(stderr || e.message) : null),
      ),
    );
    if (error !== null) return { reason: `nvcc could not build the solver: ${error}` };
    renameSync(partial, binary);
    return { binary };
  } catch (error) {
    return { reason: `could not build the solver: ${(error as Error).message}` };
  }
}
