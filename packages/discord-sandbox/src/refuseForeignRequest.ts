import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";

/** A host name as compared here: lower case, IPv6 without brackets. */
const normal = (host: string) => host.toLowerCase().replace(/^\[(.*)\]$/, "$1");

/** Whether `host` is this machine's loopback interface, which only local programs (and pages) can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = normal(host);
  return h === "localhost" || h === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The names a request may address the sandbox by: the address it is bound to and the loopback names, plus, when it
 * listens on every interface, each interface's own address.
 */
export function sandboxHostnames(bound: string): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "::1", normal(bound)]);
  if (normal(bound) === "0.0.0.0" || normal(bound) === "::") {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(normal(i.address));
  }
  return names;
}

/** A request the sandbox will not serve: the status and what was wrong, in words. */
export interface Refusal {
  status: number;
  error: string;
}

/**
 * Why a request must be turned away before it is read, or null. The control API acts as any user and creates
 * moderators, and a browser lets any web page send requests to 127.0.0.1: so the Host must be a name the sandbox is
 * reached by (a page that points its own domain at this machine — DNS rebinding — still sends its domain), an
 * Origin, when a browser sends one, must be the sandbox's own (its browser client at `/`), and a body must be JSON,
 * which no page can send elsewhere without asking first (a `text/plain` form is the classic trick).
 */
export function refuseForeignRequest(req: IncomingMessage, hostnames: ReadonlySet<string>): Refusal | null {
  const host = req.headers.host ?? "";
  let hostname: string;
  try {
    hostname = normal(new URL(`http://${host}`).hostname);
  } catch {
    hostname = "";
  }
  const known = [...hostnames].slice(0, 4).join(", ");
  if (!hostname || !hostnames.has(hostname)) {
    return {
      status: 403,
      error: `The sandbox answers only requests addressed to it as ${known} (this one's Host header says "${host.slice(0, 100)}"): a web page that points its own name at this machine must not reach the control API, which acts as any user. Open the sandbox at the address it printed (sandbox ready: …).`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`.toLowerCase()) {
    return {
      status: 403,
      error: `Requests from other web pages (origin "${origin.slice(0, 100)}") are refused: the control API acts as any user, so only the sandbox's own browser client at http://${host}/ may call it from a browser.`,
    };
  }
  const length = Number(req.headers["content-length"] ?? 0);
  const hasBody = length > 0 || req.headers["transfer-encoding"] !== undefined;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const isApi = (req.url ?? "").startsWith("/api/");
  if (hasBody && type !== "application/json" && !(isApi && type === "multipart/form-data")) {
    return {
      status: 415,
      error: `Send the body as JSON with Content-Type: application/json (this request said ${type ? `"${type.slice(0, 100)}"` : "no type"}). Other types are refused because any web page can send them to this machine without asking.`,
    };
  }
  return null;
}
