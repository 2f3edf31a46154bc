import { createHash } from "node:crypto";
import type { LlmSettings } from "./createChatModel.ts";
import { createChatModel } from "./createChatModel.ts";
import { draftProposalMessages } from "./prompts/draftProposal.v1.ts";
import { type ProposalContent, proposalContentSchema } from "./proposalSchema.ts";
import { retryTransient } from "./retryTransient.ts";

export interface DraftedProposal {
  content: ProposalContent;
  drafter: "llm" | "template";
  model: string;
  promptSha256: string;
}

export type ProposalDrafter = (idea: string) => Promise<DraftedProposal>;

const ADDRESS = /0x[0-9a-fA-F]{40}/;
const AMOUNT = (symbol: string) => new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(?:${symbol}|tokens?)\\b`, "i");

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The offline drafter: fills the same structure from the idea's own sentences, amount and address. */
export function templateDrafter(tokenSymbol: string): ProposalDrafter {
  return async (idea) => {
    const text = idea.trim();
    const parts = sentences(text);
    const first = parts[0] ?? text;
    const title = first.replace(/[.!?]$/, "").slice(0, 100);
    const why = parts.filter((s) => /\b(because|so that|so we|in order to|to help|would let|problem)\b/i.test(s));
    const amount = AMOUNT(tokenSymbol).exec(text)?.[1];
    const recipient = ADDRESS.exec(text)?.[0];
    const content: ProposalContent = {
      title,
      summary: text.slice(0, 1000),
      motivation: (why.length > 0 ? why.join(" ") : `The proposer believes this helps the DAO: ${first}`).slice(
        0,
        1500,
      ),
      specification: parts
        .map((s) => `- ${s}`)
        .join("\n")
        .slice(0, 3000),
      budget: amount && recipient ? { amount, recipient } : null,
      risks:
        "Delivery may slip or cost more than planned; funds, if any, are paid in one transfer once approved. Members should check the recipient.",
      successMetrics: "The work described above is delivered and reported back in the governance channel.",
    };
    return {
      content: proposalContentSchema.parse(content),
      drafter: "template",
      model: "template-drafter-1",
      promptSha256: createHash("sha256").update("template-drafter-1").digest("hex"),
    };
  };
}

/** The LLM drafter (structured output); on any failure the template drafter answers instead. */
export function llmDrafter(settings: LlmSettings, tokenSymbol: string): ProposalDrafter {
  const chat = createChatModel(settings);
  const structured = chat.withStructuredOutput(proposalContentSchema, { name: "proposal", method: "jsonSchema" });
  const fallback = templateDrafter(tokenSymbol);
  return async (idea) => {
    const messages = draftProposalMessages(idea, tokenSymbol);
    const promptSha256 = createHash("sha256").update(JSON.stringify(messages)).digest("hex");
    try {
      const { value } = await retryTransient(() => structured.invoke(messages), {
        retries: settings.retries,
        baseMs: settings.retryBaseMs,
        maxWaitMs: 60_000,
      });
      const content = proposalContentSchema.parse(value);
      // The model may not invent a recipient: an address must come from the idea itself.
      if (content.budget && !idea.toLowerCase().includes(content.budget.recipient.toLowerCase())) content.budget = null;
      return { content, drafter: "llm", model: settings.model, promptSha256 };
    } catch {
      return fallback(idea);
    }
  };
}
