import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";

// Copied from @steward/discord-sandbox (packages import nothing of each other): the same guard, since this control API
// too acts as any user.

const normal = (host: string) => host.toLowerCase().replace(/^\[(.*)\]$/, "$1");

export function isLoopbackHost(host: string): boolean {
  const h = normal(host);
  return h === "localhost" || h === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function sandboxHostnames(bound: string): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "::1", normal(bound)]);
  if (normal(bound) === "0.0.0.0" || normal(bound) === "::") {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(normal(i.address));
  }
  return names;
}

/**
 * Why a request must be turned away before it is read, or null: a Host that is not the sandbox's (DNS rebinding), an
 * Origin of another page, or a body that is not JSON — except the device page's own form, which a browser posts
 * from the sandbox's origin.
 */
export function refuseForeignRequest(
  req: IncomingMessage,
  hostnames: ReadonlySet<string>,
): { status: number; error: string } | null {
  const host = req.headers.host ?? "";
  let hostname: string;
  try {
    hostname = normal(new URL(`http://${host}`).hostname);
  } catch {
    hostname = "";
  }
  if (!hostname || !hostnames.has(hostname)) {
    return {
      status: 403,
      error: `The local GitHub answers only requests addressed to it as ${[...hostnames].slice(0, 4).join(", ")} (this one's Host header says "${host.slice(0, 100)}").`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`.toLowerCase()) {
    return { status: 403, error: `Requests from other web pages (origin "${origin.slice(0, 100)}") are refused.` };
  }
  const length = Number(req.headers["content-length"] ?? 0);
  const hasBody = length > 0 || req.headers["transfer-encoding"] !== undefined;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const devicePage = (req.url ?? "").split("?")[0] === "/login/device";
  const form = type === "application/x-www-form-urlencoded" && devicePage && origin !== undefined;
  if (hasBody && type !== "application/json" && !form) {
    return {
      status: 415,
      error: `Send the body as JSON with Content-Type: application/json (this request said ${type ? `"${type.slice(0, 100)}"` : "no type"}).`,
    };
  }
  return null;
}
