import type { LlmSettings } from "./createChatModel.ts";
import { createChatModel } from "./createChatModel.ts";
import { explainMatchesMessages } from "./prompts/explainMatches.v1.ts";
import { retryTransient } from "./retryTransient.ts";

/** What the explanation of a compute request's ranking may use: the request and the ranked matches, best first. */
export interface MatchFacts {
  request: { gpuCount: number; hours: number; maxPrice: string; gpuModel?: string; region?: string; purpose: string };
  matches: { node: number; name: string; score: number; reasons: string[] }[];
}

/** A plain-language explanation of the ranking, or null (the ranking's own reasons are shown either way). */
export type MatchExplainer = (facts: MatchFacts) => Promise<string | null>;

/** Without a model: the documented score and its reasons speak for themselves. */
export const templateMatchExplainer: MatchExplainer = async () => null;

const numbersIn = (text: string) => text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];

/**
 * The agent explains a ranking it did not make: the hard filters and the order come from rankOffers, in code. A
 * failure, an empty answer or a number that is not in the facts gives no explanation rather than a wrong one.
 */
export function llmMatchExplainer(settings: LlmSettings): MatchExplainer {
  const chat = createChatModel(settings);
  return async (facts) => {
    try {
      const { value: reply } = await retryTransient(() => chat.invoke(explainMatchesMessages(facts)), {
        retries: settings.retries,
        baseMs: settings.retryBaseMs,
        maxWaitMs: 20_000,
      });
      const text = (typeof reply.content === "string" ? reply.content : "").trim().slice(0, 600);
      const known = new Set(numbersIn(JSON.stringify(facts)).map((n) => n.replaceAll(",", "")));
      if (!text || !numbersIn(text).every((n) => known.has(n.replaceAll(",", "")))) return null;
      return text;
    } catch {
      return null;
    }
  };
}
