import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DiscordRest } from "./discordRest.ts";
import { SandboxGateway } from "./gateway.ts";
import { isLoopbackHost, refuseForeignRequest, sandboxHostnames } from "./refuseForeignRequest.ts";
import { RestFaults } from "./restFaults.ts";
import { openSandboxJournal } from "./sandboxJournal.ts";
import type { SandboxOptions, SandboxParts } from "./sandboxParts.ts";
import { type PendingInteraction, SandboxState } from "./sandboxState.ts";
import { serveRequest } from "./serveRequest.ts";
import type { SpecViolation } from "./specValidator.ts";

export type { SandboxOptions } from "./sandboxParts.ts";

export interface Sandbox {
  url: string;
  /** What discord.js's `rest.api` option takes. */
  apiUrl: string;
  token: string;
  applicationId: string;
  guildId: string;
  state: SandboxState;
  gateway: SandboxGateway;
  violations: SpecViolation[];
  close(): Promise<void>;
}

/** Starts the local Discord: REST API under /api/v10, the gateway under /gateway, the control API under /sandbox. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = options.stateFile
    ? openSandboxJournal(options.stateFile, options.info ?? options.log)
    : new SandboxState();
  const violations: SpecViolation[] = [];
  let baseUrl = "";
  // The port is known only once listening; both the gateway (resume URL) and REST (gateway/bot) ask then.
  const gatewayUrl = () => `${baseUrl.replace(/^http/, "ws")}/gateway`;
  const gateway = new SandboxGateway(state, gatewayUrl);
  const rest = new DiscordRest(state, (interaction) => settle(interaction), gatewayUrl);
  // Discord's own failures, injected through the control API: 5xx answers and calls that hang past a timeout.
  const faults = new RestFaults((nameOrId) => state.channelByName(nameOrId)?.id);

  function settle(interaction: PendingInteraction) {
    if (!interaction.final) return;
    for (const w of interaction.waiters.splice(0)) w();
  }

  const parts: SandboxParts = { state, gateway, rest, faults, violations, options };

  const server = createServer((req, res) => {
    serveRequest(parts, hostnames, req, res).catch((error) => {
      options.log?.(`sandbox error: ${(error as Error).stack}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const hostnames = sandboxHostnames(host);
  server.on("upgrade", (req, socket, head) => {
    // A browser opens WebSockets to any address without asking: the gateway checks Host and Origin too.
    const refused = refuseForeignRequest(req, hostnames);
    if (refused) {
      const body = JSON.stringify({ error: refused.error });
      socket.end(
        `HTTP/1.1 ${refused.status} Forbidden\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    if (new URL(req.url ?? "/", "http://sandbox").pathname === "/gateway") gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} on ${host} is already in use: stop the other process or set SANDBOX_PORT`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host}:${address.port}`;
  if (!isLoopbackHost(host)) {
    options.log?.(
      `The sandbox listens on ${host}, which is not a loopback address: anyone who can reach port ${address.port} there can act as any sandbox user and make themselves a moderator. Set SANDBOX_HOST=127.0.0.1 unless that is what you want.`,
    );
  }
  state.attachmentUrl = `${baseUrl}/sandbox/attachments`;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api`,
    token: state.botToken,
    applicationId: state.applicationId,
    guildId: state.guildId,
    state,
    gateway,
    violations,
    async close() {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
