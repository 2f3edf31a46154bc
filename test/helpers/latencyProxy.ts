import { createServer, type Socket, connect as tcpConnect } from "node:net";

export interface LatencyProxy {
  host: string;
  port: number;
  /** Milliseconds every chunk from the server waits before it reaches the client: one round trip's added latency. */
  delayMs: number;
  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a real server (PostgreSQL, Anvil's JSON-RPC) that holds back every chunk the server sends
 * by `delayMs`, in order: a slow database or chain as Steward meets it in production, through its real driver.
 * The delay can change while connections are open (a stack starts fast and then turns slow).
 */
export async function startLatencyProxy(target: { host: string; port: number }): Promise<LatencyProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = tcpConnect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let last = 0;
    upstream.on("data", (chunk) => {
      // Never reordered: a chunk leaves no earlier than the one before it.
      const at = Math.max(Date.now() + proxy.delayMs, last);
      last = at;
      setTimeout(() => {
        if (!client.destroyed) client.write(chunk);
      }, at - Date.now());
    });
    client.pipe(upstream);
    const close = () => {
      const wait = Math.max(0, last - Date.now());
      setTimeout(() => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      }, wait);
    };
    upstream.on("close", close);
    upstream.on("error", close);
    client.on("close", () => upstream.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no port");
  const proxy: LatencyProxy = {
    host: "127.0.0.1",
    port: address.port,
    delayMs: 0,
    through(url) {
      const u = new URL(url);
      u.hostname = proxy.host;
      u.port = String(proxy.port);
      return u.toString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

/** The host and port a URL points at (the default port of its scheme when it names none). */
export function targetOf(url: string): { host: string; port: number } {
  const u = new URL(url);
  const port = u.port ? Number(u.port) : u.protocol === "postgres:" || u.protocol === "postgresql:" ? 5432 : 80;
  return { host: u.hostname === "localhost" ? "127.0.0.1" : u.hostname, port };
}
