import { z } from "zod";

/** A drafted proposal, as the model must return it and as members edit it. */
export const proposalContentSchema = z.object({
  title: z.string().min(1).max(100),
  summary: z.string().min(1).max(1000),
  motivation: z.string().min(1).max(1500),
  specification: z.string().min(1).max(3000),
  budget: z
    .object({
      amount: z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .describe("tokens, as a decimal number"),
      recipient: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
    })
    .nullable()
    .describe("only if the idea asks for money and names a recipient address"),
  risks: z.string().min(1).max(1000),
  successMetrics: z.string().min(1).max(1000),
});

export type ProposalContent = z.infer<typeof proposalContentSchema>;
