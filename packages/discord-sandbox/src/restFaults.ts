/** The 5xx answers Discord (or Cloudflare in front of it) gives when it is failing. */
export const FAULT_STATUSES = [500, 502, 503, 504] as const;

const STATUS_TEXT: Record<(typeof FAULT_STATUSES)[number], string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Longest a request may be held: past discord.js's 15 s timeout, within a test's patience. */
export const MAX_HANG_MS = 120_000;

/**
 * What the next `count` REST calls matching `method` and `path` meet: an error answer (`status`), or a hang of
 * `hangMs` after which the call is carried out anyway (Discord finishes work whose client gave up: a client that
 * repeats the call after its timeout makes it twice, unless a nonce makes the repeat return the first result).
 */
export interface RestFault {
  id: number;
  /** Any method when absent. */
  method?: string;
  /**
   * A path under /api/v10 such as `/channels/*\/messages`: `*` stands for one segment, and a channel's name stands
   * for its id.
   */
  path: string;
  status?: (typeof FAULT_STATUSES)[number];
  hangMs?: number;
  /** How many more calls it applies to. */
  left: number;
}

export class FaultInputError extends Error {}

/** Faults injected through the control API into the sandbox's REST answers. */
export class RestFaults {
  private faults: RestFault[] = [];
  private nextId = 1;

  constructor(private readonly channelId: (nameOrId: string) => string | undefined) {}

  list(): RestFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  add(body: Record<string, unknown>): RestFault {
    const method = body.method === undefined ? undefined : String(body.method).toUpperCase();
    if (method !== undefined && !/^(GET|POST|PATCH|PUT|DELETE)$/.test(method)) {
      throw new FaultInputError('"method" must be GET, POST, PATCH, PUT or DELETE (absent: any).');
    }
    const path = typeof body.path === "string" ? body.path.trim() : "";
    if (!path.startsWith("/")) {
      throw new FaultInputError(
        'Give "path": a REST path under /api/v10, e.g. "/channels/contributions/messages" or "/channels/*/messages/*" (* is one segment; a channel name stands for its id).',
      );
    }
    const count = body.count ?? 1;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000) {
      throw new FaultInputError('"count" must be a whole number from 1 to 1000: how many matching calls fail.');
    }
    const hasStatus = body.status !== undefined;
    const hasHang = body.hangMs !== undefined;
    if (hasStatus === hasHang) {
      throw new FaultInputError(
        `Give either "status" (${FAULT_STATUSES.join(", ")}: answered at once) or "hangMs" (the call is held that long, then carried out).`,
      );
    }
    if (hasStatus && !(FAULT_STATUSES as readonly unknown[]).includes(body.status)) {
      throw new FaultInputError(`"status" must be one of ${FAULT_STATUSES.join(", ")}.`);
    }
    if (hasHang && (typeof body.hangMs !== "number" || !(body.hangMs > 0) || body.hangMs > MAX_HANG_MS)) {
      throw new FaultInputError(`"hangMs" must be a number of milliseconds from 1 to ${MAX_HANG_MS}.`);
    }
    const fault: RestFault = {
      id: this.nextId++,
      ...(method ? { method } : {}),
      path,
      ...(hasStatus ? { status: body.status as RestFault["status"] } : { hangMs: body.hangMs as number }),
      left: count as number,
    };
    this.faults.push(fault);
    return { ...fault };
  }

  clear(): number {
    const n = this.faults.length;
    this.faults = [];
    return n;
  }

  /** The fault this call meets, if any (counted: the first matching fault with calls left). */
  take(method: string, path: string): RestFault | undefined {
    const fault = this.faults.find(
      (f) => (f.method === undefined || f.method === method) && this.matches(f.path, path),
    );
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left === 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  private matches(pattern: string, path: string): boolean {
    const want = pattern.replace(/\/$/, "").split("/");
    const got = path.replace(/\/$/, "").split("/");
    if (want.length !== got.length) return false;
    return want.every((w, i) => {
      if (w === "*" || w === got[i]) return true;
      return want[i - 1] === "channels" && this.channelId(w) === got[i];
    });
  }
}

/** The body Discord's 5xx answers carry (discord.js reads only the status). */
export function faultBody(status: NonNullable<RestFault["status"]>) {
  return { message: `${status}: ${STATUS_TEXT[status]}`, code: 0 };
}
