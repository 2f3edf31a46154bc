import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { SandboxInputError } from "./buildInteraction.ts";
import { control } from "./control/control.ts";
import { Created, HttpError } from "./control/httpError.ts";
import { DiscordApiError } from "./discordApiError.ts";
import type { RestResult } from "./discordRest.ts";
import { refuseForeignRequest } from "./refuseForeignRequest.ts";
import { faultBody } from "./restFaults.ts";
import type { SandboxParts } from "./sandboxParts.ts";
import type { Json } from "./sandboxState.ts";
import { SECURITY_HEADERS } from "./securityHeaders.ts";
import type { SpecViolation } from "./specValidator.ts";
import { readStaticPages } from "./staticPages.ts";
import { webIndexPages } from "./webPage.ts";

/** The browser client (web/ beside this file): served as files, it talks to the same control API as tests and the terminal. */
const WEB_DIR = join(import.meta.dirname, "web");
const WEB_CLIENT = readStaticPages(WEB_DIR, {
  "/": "index.html",
  "/web/sandbox.js": "sandbox.js",
  "/web/sandbox.css": "sandbox.css",
});
/** The client's page in the browser's language (or the one its language links chose). */
const WEB_INDEX = webIndexPages(WEB_DIR, WEB_CLIENT.get("/") as NonNullable<ReturnType<typeof WEB_CLIENT.get>>);

const MAX_BODY = 1_000_000;

/** One HTTP request to the sandbox: the web client's files, Discord's REST API under /api/v10, or the control API. */
export async function serveRequest(
  parts: SandboxParts,
  hostnames: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { state, rest, faults, violations, options } = parts;
  const recordViolation = (v: SpecViolation | undefined) => {
    if (!v) return;
    violations.push(v);
    options.log?.(`spec violation: ${v.direction} ${v.method} ${v.path}: ${v.errors.join("; ")}`);
  };
  const url = new URL(req.url ?? "/", "http://sandbox");
  const method = req.method ?? "GET";
  const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(body));
  };
  // On every answer; the web client's pages set their own Content-Security-Policy (with frame-ancestors).
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const refusal = refuseForeignRequest(req, hostnames);
  if (refusal) {
    // Not read: the connection closes after the answer rather than draining what a stranger sent.
    send(refusal.status, { error: refusal.error }, { connection: "close" });
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(req);
  } catch (error) {
    send(413, { error: (error as Error).message });
    return;
  }
  let raw = bytes.toString("utf8");
  const files: { filename: string; contentType: string; data: Buffer }[] = [];
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data") && url.pathname.startsWith("/api/")) {
    // Messages with files (discord.js sends payload_json and files[n] parts), parsed by the platform's FormData.
    try {
      const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
      raw = String(form.get("payload_json") ?? "");
      for (const [key, value] of form.entries()) {
        if (!key.startsWith("files[") || typeof value === "string") continue;
        files.push({
          filename: value.name,
          contentType: value.type || "application/octet-stream",
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    } catch {
      send(400, { code: 50109, message: "The request body contains an invalid multipart form." });
      return;
    }
  }
  const page = method !== "GET" ? undefined : url.pathname === "/" ? WEB_INDEX(req, url) : WEB_CLIENT.get(url.pathname);
  if (page) {
    res.writeHead(200, page.headers).end(page.body);
    return;
  }
  if (method === "GET" && url.pathname.startsWith("/sandbox/attachments/")) {
    const attachment = state.findAttachment(url.pathname.split("/")[3] ?? "");
    if (!attachment) {
      send(404, { error: "There is no attachment with this id." });
      return;
    }
    res.writeHead(200, { "content-type": attachment.contentType }).end(Buffer.from(attachment.data, "base64"));
    return;
  }
  let body: unknown;
  if (raw !== "") {
    try {
      body = JSON.parse(raw);
    } catch {
      send(
        400,
        url.pathname.startsWith("/api/")
          ? { code: 50109, message: "The request body contains invalid JSON." }
          : { error: "The body is not valid JSON." },
      );
      return;
    }
  }

  if (url.pathname.startsWith("/api/v10/")) {
    const path = decodeURIComponent(url.pathname.slice("/api/v10".length));
    if (options.validator && body !== undefined) recordViolation(options.validator.validateRequest(method, path, body));
    const fault = faults.take(method, path);
    if (fault?.status) {
      send(fault.status, faultBody(fault.status));
      return;
    }
    // Held past the client's timeout, then carried out all the same (the answer finds no one listening).
    if (fault?.hangMs) await new Promise((resolve) => setTimeout(resolve, fault.hangMs));
    let result: RestResult;
    try {
      result = rest.handle(method, path, url.searchParams, body, req.headers.authorization, files);
    } catch (error) {
      if (error instanceof DiscordApiError) {
        result = { status: error.status, body: { code: error.code, message: error.message } };
      } else {
        options.log?.(`sandbox REST error on ${method} ${path}: ${(error as Error).stack}`);
        result = { status: 500, body: { code: 0, message: "500: Internal Server Error" } };
      }
    }
    if (options.validator && result.status < 300) {
      recordViolation(options.validator.validateResponse(method, path, result.status, result.body));
    }
    if (res.destroyed) return;
    send(result.status, result.body, result.headers);
    return;
  }
  if (url.pathname.startsWith("/sandbox/")) {
    try {
      const out = await control(parts, method, url.pathname.replace(/\/$/, ""), url.searchParams, (body ?? {}) as Json);
      if (out instanceof Created) send(201, out.body);
      else send(200, out);
    } catch (error) {
      if (error instanceof HttpError) send(error.status, { error: error.message });
      else if (error instanceof SandboxInputError) send(400, { error: error.message });
      else {
        options.log?.(`sandbox control error on ${method} ${url.pathname}: ${(error as Error).stack}`);
        send(500, { error: "The sandbox failed to handle this request; see its log." });
      }
    }
    return;
  }
  send(404, { error: "Not found. The sandbox serves its web client at /, and /api/v10, /gateway and /sandbox." });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("The request body is too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
