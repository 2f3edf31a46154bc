import { ChatOpenAI } from "@langchain/openai";

/** An OpenAI-compatible endpoint and model, with the limits every caller of it keeps. */
export interface LlmSettings {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
}

/** The one way Steward builds its chat model, for the evaluator and the proposal drafter alike. */
export function createChatModel(settings: LlmSettings): ChatOpenAI {
  return new ChatOpenAI({
    model: settings.model,
    temperature: 0,
    // Local servers (Ollama, vLLM) take any key; the SDK insists on one.
    apiKey: settings.apiKey ?? "local-no-key",
    configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : {},
    // Retries are ours (they honour Retry-After and are counted); LangChain's would hide them.
    maxRetries: 0,
    timeout: settings.timeoutMs,
    // With streaming, LangChain fetches a tokenizer file from the internet to count tokens (stalls offline).
    streaming: false,
  });
}
