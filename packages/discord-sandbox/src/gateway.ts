import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { SandboxState } from "./sandboxState.ts";

const HEARTBEAT_INTERVAL = 41_250;

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | undefined;
  /** Dispatches kept so a resuming client can be sent what it missed. */
  backlog: { s: number; frame: string }[];
}

/** Discord's gateway over WebSocket, v10 JSON encoding: HELLO, IDENTIFY, READY, heartbeats, RESUME, dispatches. */
export class SandboxGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** Until when (epoch ms) the gateway is down: connections dropped, new ones refused; sessions stay resumable. */
  private outageUntil = 0;

  constructor(
    private readonly state: SandboxState,
    private readonly url: () => string,
  ) {
    this.wss.on("connection", (socket) => this.onConnection(socket));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.down) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  get connected(): boolean {
    return [...this.sessions.values()].some((s) => s.socket?.readyState === 1);
  }

  /** Sends an event to every connected bot session. */
  dispatch(event: string, data: unknown): void {
    for (const session of this.sessions.values()) this.send(session, event, data);
  }

  /** Asks every client to reconnect and resume (op 7), as Discord does during deploys. */
  requestReconnect(): void {
    for (const s of this.sessions.values()) s.socket?.send(JSON.stringify({ op: 7, d: null }));
  }

  get down(): boolean {
    return Date.now() < this.outageUntil;
  }

  /**
   * A gateway outage, as Discord has them: every connection drops without a close frame and reconnecting fails
   * for `ms`; a session can be resumed afterwards (what it missed is replayed). REST is not affected.
   */
  startOutage(ms: number): void {
    this.outageUntil = Date.now() + ms;
    for (const s of this.sessions.values()) s.socket?.terminate();
  }

  endOutage(): void {
    this.outageUntil = 0;
  }

  /** Invalidates every session (op 9, not resumable): clients must identify again. */
  invalidateSessions(): void {
    for (const [id, s] of this.sessions) {
      s.socket?.send(JSON.stringify({ op: 9, d: false }));
      this.sessions.delete(id);
    }
  }

  close(): void {
    for (const s of this.sessions.values()) s.socket?.terminate();
    this.wss.close();
  }

  private send(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: session.seq, d: data });
    session.backlog.push({ s: session.seq, frame });
    if (session.backlog.length > 1000) session.backlog.shift();
    if (session.socket?.readyState === 1) session.socket.send(frame);
  }

  private onConnection(socket: WebSocket): void {
    let session: Session | undefined;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL }, s: null, t: null }));
    socket.on("message", (raw) => {
      let payload: { op: number; d: Record<string, unknown> | number | null };
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        socket.close(4002, "Error while decoding payload.");
        return;
      }
      const d = (payload.d ?? {}) as Record<string, unknown>;
      switch (payload.op) {
        case 1:
          socket.send(JSON.stringify({ op: 11, d: null }));
          return;
        case 2: {
          if (d.token !== this.state.botToken) {
            socket.close(4004, "Authentication failed.");
            return;
          }
          session = { id: randomBytes(16).toString("hex"), seq: 0, socket, backlog: [] };
          this.sessions.set(session.id, session);
          this.send(session, "READY", {
            v: 10,
            user: { ...this.state.apiUser(this.state.botUser), verified: true, mfa_enabled: false },
            guilds: [{ id: this.state.guildId, unavailable: true }],
            session_id: session.id,
            session_type: "normal",
            resume_gateway_url: this.url(),
            shard: d.shard ?? [0, 1],
            application: { id: this.state.applicationId, flags: 0 },
            private_channels: [],
            presences: [],
            relationships: [],
            guild_join_requests: [],
            user_settings: {},
            geo_ordered_rtc_regions: [],
          });
          // discord.js waits for every guild of READY to arrive; sending it right after avoids its 15 s timeout.
          this.send(session, "GUILD_CREATE", this.state.apiGuild());
          return;
        }
        case 6: {
          const existing = typeof d.session_id === "string" ? this.sessions.get(d.session_id) : undefined;
          if (!existing || d.token !== this.state.botToken) {
            socket.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          session = existing;
          if (existing.socket && existing.socket !== socket) existing.socket.terminate();
          existing.socket = socket;
          const since = Number(d.seq ?? 0);
          for (const b of existing.backlog) if (b.s > since) socket.send(b.frame);
          this.send(existing, "RESUMED", {});
          return;
        }
        default:
          return;
      }
    });
    socket.on("close", () => {
      if (session && session.socket === socket) session.socket = undefined;
    });
  }
}
