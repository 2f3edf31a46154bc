import { createHash } from "node:crypto";
import { createChatModel, type LlmSettings } from "./createChatModel.ts";
import { explainDistributionMessages } from "./prompts/explainDistribution.v1.ts";
import { retryTransient } from "./retryTransient.ts";

/** What the distribution summary may say: every number in it comes from here. */
export interface DistributionFacts {
  epoch: number;
  token: string;
  budget: string;
  suggestedTotal: string;
  paidTotal: string;
  scaled: boolean;
  payouts: { recipient: string; amount: string; contributions: number; carriedIn: boolean }[];
  contributions: number;
  carriedOut: { members: number; total: string };
  leftForNextEpoch: number;
  /** The compute network's share (absent when it earned nothing): uptime rewards from its budget, and leases. */
  compute?: { total: string; budget: string; providers: number; nodes: number; leases: number };
}

export interface DistributionSummary {
  text: string;
  explainer: "llm" | "template";
  model: string;
  promptSha256: string;
}

export type DistributionExplainer = (facts: DistributionFacts) => Promise<DistributionSummary>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function templateExplainer(): DistributionExplainer {
  return async (f) => {
    const lines = [
      `Epoch ${f.epoch} pays ${f.paidTotal} ${f.token} to ${plural(f.payouts.length, "member")} for ${plural(f.contributions, "contribution")}.`,
      f.scaled
        ? `The suggested rewards added up to ${f.suggestedTotal} ${f.token}, above the budget of ${f.budget} ${f.token}, so every share was scaled down in proportion (rounded down; the few units lost to rounding went one each to the largest remainders).`
        : `The suggested rewards (${f.suggestedTotal} ${f.token}) fit within the budget of ${f.budget} ${f.token} and are paid as suggested.`,
      ...(f.compute
        ? [
            `Of the total, ${f.compute.total} ${f.token} go to ${plural(f.compute.providers, "compute provider")}: ${plural(f.compute.nodes, "node")} sharing the compute budget of ${f.compute.budget} ${f.token} by verified capacity × uptime${f.compute.leases > 0 ? `, and ${plural(f.compute.leases, "lease")} paid for the GPU-hours delivered` : ""}.`,
          ]
        : []),
      ...(f.payouts.some((p) => p.carriedIn)
        ? ["It also pays shares carried from earlier epochs to members who have since linked a wallet."]
        : []),
      ...(f.carriedOut.members > 0
        ? [
            `${plural(f.carriedOut.members, "member")} without a verified wallet: ${f.carriedOut.total} ${f.token} carried to the next epoch, paid once they link one.`,
          ]
        : []),
      ...(f.leftForNextEpoch > 0
        ? [`${plural(f.leftForNextEpoch, "contribution")} under appeal wait for the next epoch.`]
        : []),
    ];
    return {
      text: lines.join(" "),
      explainer: "template",
      model: "template-explainer-1",
      promptSha256: createHash("sha256").update("template-explainer-1").digest("hex"),
    };
  };
}

/** Every number the text states must be one of the facts' numbers; otherwise the template is used. */
export function onlyKnownNumbers(text: string, facts: DistributionFacts): boolean {
  const known = new Set(JSON.stringify(facts).match(/\d+(?:\.\d+)?/g) ?? []);
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).every((n) => known.has(n.replaceAll(",", "")));
}

/** The agent's plain-language summary; any failure or an invented number falls back to the template. */
export function llmExplainer(settings: LlmSettings): DistributionExplainer {
  const chat = createChatModel(settings);
  const fallback = templateExplainer();
  return async (facts) => {
    const messages = explainDistributionMessages(facts);
    const promptSha256 = createHash("sha256").update(JSON.stringify(messages)).digest("hex");
    try {
      const { value: reply } = await retryTransient(() => chat.invoke(messages), {
        retries: settings.retries,
        baseMs: settings.retryBaseMs,
        maxWaitMs: 60_000,
      });
      const text = (typeof reply.content === "string" ? reply.content : "").trim().slice(0, 1000);
      if (!text || !onlyKnownNumbers(text, facts)) return fallback(facts);
      return { text, explainer: "llm", model: settings.model, promptSha256 };
    } catch {
      return fallback(facts);
    }
  };
}
