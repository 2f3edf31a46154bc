import { readFileSync } from "node:fs";
import { z } from "zod";
import { defaultRubric, type Rubric } from "./rubric.ts";

const rubricSchema = z.object({
  version: z.number().int().min(1),
  criteria: z
    .array(
      z.object({ name: z.string().regex(/^[a-z_]+$/), weight: z.number().positive(), description: z.string().min(1) }),
    )
    .min(1)
    .max(12),
  categoryMultipliers: z.record(z.string(), z.number().min(0).max(10)),
});

/** The rubric from RUBRIC_FILE (JSON), or the built-in one. A bad file stops the boot with a readable reason. */
export function loadRubric(path: string | undefined): Rubric {
  if (!path) return defaultRubric;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`RUBRIC_FILE ${path} could not be read as JSON: ${(error as Error).message}`);
  }
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ");
    throw new Error(`RUBRIC_FILE ${path} is not a valid rubric: ${problems}`);
  }
  return parsed.data;
}
