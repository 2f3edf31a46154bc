import { readFileSync } from "node:fs";
import { z } from "zod";
import { EVIDENCE_KINDS } from "../base/evidenceKinds.ts";
import { defaultRubric, type Rubric } from "./rubric.ts";

const categoryCriterionSchema = z.object({
  evidence: z.enum(EVIDENCE_KINDS),
  criterion: z.string().regex(/^[a-z_]+$/),
  // Eight of them fit a Discord field in any language (the views' limit).
  description: z.string().min(1).max(100),
});

const rubricSchema = z
  .object({
    version: z.number().int().min(1),
    criteria: z
      .array(
        z.object({
          name: z.string().regex(/^[a-z_]+$/),
          weight: z.number().positive(),
          description: z.string().min(1),
        }),
      )
      .min(1)
      .max(12),
    categoryMultipliers: z.record(z.string(), z.number().min(0).max(10)),
    /** Absent: the built-in criteria per category; {} says on purpose that no category expects any evidence. */
    categoryCriteria: z.record(z.string(), z.array(categoryCriterionSchema).max(8)).optional(),
  })
  .superRefine((r, ctx) => {
    const names = new Set(r.criteria.map((c) => c.name));
    for (const [category, list] of Object.entries(r.categoryCriteria ?? {}))
      list.forEach((c, i) => {
        if (!names.has(c.criterion))
          ctx.addIssue({
            code: "custom",
            path: ["categoryCriteria", category, i, "criterion"],
            message: `names no criterion of this rubric (${[...names].join(", ")})`,
          });
      });
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
  const { categoryCriteria, ...rest } = parsed.data;
  // The built-in evidence backs the built-in criteria: a file without some of them keeps the rest.
  const names = new Set(rest.criteria.map((c) => c.name));
  const builtIn = Object.fromEntries(
    Object.entries(defaultRubric.categoryCriteria ?? {}).map(([k, list]) => [
      k,
      list.filter((c) => names.has(c.criterion)),
    ]),
  );
  return { ...rest, categoryCriteria: categoryCriteria ?? builtIn };
}
