import { createHash } from "node:crypto";
import type { BaseMessage } from "@langchain/core/messages";
import { createChatModel, type LlmSettings } from "./createChatModel.ts";
import { detectInjection } from "./detectInjection.ts";
import { evaluationOutputSchema } from "./evaluationOutputSchema.ts";
import type { CriterionScore, EvaluationInput, EvaluatorRun, Flag } from "./evaluationTypes.ts";
import { weightedTotal } from "./evaluationTypes.ts";
import { keepExactQuotes } from "./keepExactQuotes.ts";
import { evaluatePromptMessages, LATEST_EVALUATE_PROMPT, resolvePromptVersion } from "./prompts/evaluatePrompts.ts";
import { retryTransient } from "./retryTransient.ts";
import type { Rubric } from "./rubric.ts";

/** The model's output could not be used, even after one repair attempt. */
export class MalformedOutputError extends Error {
  override name = "MalformedOutputError";
}

export class RefusalError extends Error {
  override name = "RefusalError";
}

interface RawResult {
  raw: BaseMessage & { usage_metadata?: { input_tokens: number; output_tokens: number } };
  parsed: unknown;
  parsing_error?: unknown;
}

/** An evaluator backed by any OpenAI-compatible endpoint, through LangChain's ChatOpenAI with structured output. */
export function createLlmEvaluator(
  settings: LlmSettings,
  rubric: Rubric,
  /** The label of the prompt text to send (a policy names it); the latest when not said. */
  label: string = LATEST_EVALUATE_PROMPT,
) {
  const promptVersion = resolvePromptVersion(label);
  const evaluateContributionMessages = evaluatePromptMessages(promptVersion);
  const chat = createChatModel(settings);
  const structured = chat.withStructuredOutput(evaluationOutputSchema, {
    name: "contribution_evaluation",
    method: "jsonSchema",
    includeRaw: true,
  });

  return async function evaluate(input: EvaluationInput): Promise<EvaluatorRun> {
    const messages = evaluateContributionMessages(input, rubric);
    const promptSha256 = createHash("sha256").update(JSON.stringify(messages)).digest("hex");
    const started = performance.now();
    let promptTokens = 0;
    let completionTokens = 0;
    let attempts = 0;
    const call = async (msgs: { role: "system" | "user" | "assistant"; content: string }[]) => {
      let value: RawResult;
      try {
        const out = await retryTransient(() => structured.invoke(msgs) as Promise<RawResult>, {
          retries: settings.retries,
          baseMs: settings.retryBaseMs,
          maxWaitMs: 60_000,
        });
        attempts += out.attempts;
        value = out.value;
      } catch (error) {
        attempts += 1;
        // The SDK parses json_schema replies itself and throws on bad JSON before LangChain sees the text.
        if (isMalformed(error)) return { parsed: null, problem: (error as Error).message };
        throw error;
      }
      promptTokens += value.raw.usage_metadata?.input_tokens ?? 0;
      completionTokens += value.raw.usage_metadata?.output_tokens ?? 0;
      const refusal = (value.raw.additional_kwargs as { refusal?: string } | undefined)?.refusal;
      // LangChain drops the `refusal` field on the json_schema path; a refusal arrives as an empty, unparsed reply.
      const empty = value.parsed == null && (value.raw.content === "" || value.raw.content == null);
      if (refusal || empty) throw new RefusalError("the model refused to evaluate or returned nothing");
      if (!value.parsed)
        return { parsed: null, problem: String(value.parsing_error ?? "output is not the expected JSON") };
      const checked = evaluationOutputSchema.safeParse(value.parsed);
      return checked.success
        ? { parsed: checked.data, problem: "" }
        : { parsed: null, problem: checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
    };

    let result = await call(messages);
    if (!result.parsed) {
      // One repair attempt: tell the model what was wrong with its output.
      result = await call([
        ...messages,
        {
          role: "user",
          content: `Your previous reply did not match the required JSON schema (${result.problem.slice(0, 300)}). Reply again with only the JSON object.`,
        },
      ]);
      if (!result.parsed) throw new MalformedOutputError("the model's output did not match the schema twice");
    }
    const output = result.parsed;

    // Scores count only for the rubric's own criteria, with the rubric's weights; missing ones count as 0.
    const scores: CriterionScore[] = rubric.criteria.map((c) => {
      const s = output.scores.find((x) => x.criterion.toLowerCase() === c.name);
      return {
        criterion: c.name,
        score: s?.score ?? 0,
        weight: c.weight,
        reason: s?.reason ?? "not scored by the model",
      };
    });
    const { kept, dropped } = keepExactQuotes(output.evidence, [input.title, input.description, ...input.links]);
    const flags = new Set<Flag>(output.flags);
    if (detectInjection([input.title, input.description, ...input.links]).suspected) {
      flags.add("prompt_injection_suspected");
    }
    if (flags.has("prompt_injection_suspected") || flags.has("possible_duplicate")) flags.add("needs_human");
    return {
      draft: {
        scores,
        total: weightedTotal(scores),
        confidence: output.confidence,
        rationale: output.rationale.slice(0, 1000),
        evidence: kept,
        droppedQuotes: dropped,
        flags: [...flags],
      },
      model: settings.model,
      promptVersion,
      promptSha256,
      temperature: 0,
      promptTokens,
      completionTokens,
      latencyMs: Math.round(performance.now() - started),
      attempts,
    };
  };
}

function isMalformed(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? "";
  return (
    name.endsWith("ZodError") ||
    ["SyntaxError", "OutputParserException", "LengthFinishReasonError", "ContentFilterFinishReasonError"].includes(name)
  );
}

export type LlmEvaluate = ReturnType<typeof createLlmEvaluator>;
