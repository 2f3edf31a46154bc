import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  response_format?: unknown;
  tools?: unknown;
}

/** What the server does with one request: answer with content, refuse, fail, stall, or send raw bytes. */
export type Reply =
  | { content: string; delayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { refusal: string }
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { stallMs: number }
  | { raw: string };

export interface LocalOpenAI {
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible HTTP server (POST /v1/chat/completions) for tests and benches; the real openai SDK and
 * @langchain/openai talk to it through baseURL. `script` decides each reply from the request and its index.
 */
export async function startLocalOpenAI(
  script: (req: ChatRequest, index: number) => Reply | Promise<Reply>,
): Promise<LocalOpenAI> {
  const requests: ChatRequest[] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(await read(req)) as ChatRequest;
    const index = requests.push(body) - 1;
    const reply = await script(body, index);
    if ("stallMs" in reply) {
      setTimeout(() => res.destroy(), reply.stallMs);
      return;
    }
    if ("raw" in reply) {
      res.writeHead(200, { "content-type": "application/json" }).end(reply.raw);
      return;
    }
    if ("status" in reply) {
      res
        .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
        .end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}`, type: "server_error" } }));
      return;
    }
    if ("delayMs" in reply && reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const content = "content" in reply ? reply.content : null;
    const usage = ("usage" in reply && reply.usage) || { prompt_tokens: 120, completion_tokens: 80 };
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${index}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: "refusal" in reply ? reply.refusal : null },
            finish_reason: "stop",
            logprobs: null,
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (c: Buffer) => {
      data += c.toString();
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

/** A well-formed evaluation in the model's output schema. */
export function evaluationJson(
  overrides: Partial<{
    scores: number[];
    evidence: string[];
    flags: string[];
    rationale: string;
    confidence: number;
  }> = {},
) {
  const [impact = 7, quality = 6, effort = 5, alignment = 8] = overrides.scores ?? [];
  return JSON.stringify({
    scores: [
      { criterion: "impact", score: impact, reason: "ships a fix" },
      { criterion: "quality", score: quality, reason: "clear" },
      { criterion: "effort", score: effort, reason: "moderate" },
      { criterion: "alignment", score: alignment, reason: "on mission" },
    ],
    confidence: overrides.confidence ?? 0.7,
    rationale: overrides.rationale ?? "Solid, verifiable work.",
    evidence: overrides.evidence ?? [],
    flags: overrides.flags ?? [],
  });
}
