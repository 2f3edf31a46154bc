import type { EvaluationInput } from "../evaluationTypes.ts";
import type { Rubric } from "../rubric.ts";
import { EVALUATE_PROMPT_VERSION as V2, evaluateContributionMessages as v2 } from "./evaluateContribution.v2.ts";
import { EVALUATE_PROMPT_V3 as V3, evaluateContributionMessages as v3 } from "./evaluateContribution.v3.ts";

type Messages = (input: EvaluationInput, rubric: Rubric) => { role: "system" | "user"; content: string }[];

/**
 * Every evaluation prompt Steward has, by the label a policy names: an adopted policy keeps the prompt text it was
 * voted with, however many versions come after it.
 */
export const EVALUATE_PROMPTS: Readonly<Record<string, Messages>> = { [V2]: v2, [V3]: v3 };

/** The prompt the configuration uses. */
export const LATEST_EVALUATE_PROMPT = V3;

export const EVALUATE_PROMPT_VERSIONS: readonly string[] = Object.keys(EVALUATE_PROMPTS);

/**
 * The prompt version whose text a label sends. A label Steward no longer has (a policy recorded before @2, when
 * every label was sent @2's text) keeps getting @2's: what it was evaluated with until now.
 */
export function resolvePromptVersion(label: string): string {
  return label in EVALUATE_PROMPTS ? label : V2;
}

export function evaluatePromptMessages(version: string): Messages {
  return EVALUATE_PROMPTS[resolvePromptVersion(version)] as Messages;
}
