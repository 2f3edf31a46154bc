import { randomBytes, randomInt } from "node:crypto";
import { type DeviceCode, type GithubState, HttpError } from "./githubState.ts";

/**
 * GitHub's OAuth device flow ("Authorizing OAuth apps", device flow): the app asks for a device and user code, the
 * person types the user code at the verification page, the app polls for the token. Poll answers are HTTP 200 with
 * `error` set (authorization_pending, slow_down, expired_token, access_denied, …), as GitHub sends them.
 */
export class DeviceFlow {
  constructor(
    private readonly state: GithubState,
    private readonly verificationUri: () => string,
    /** Seconds between polls GitHub asks for: 5; the tests' sandboxes ask for less. */
    private readonly interval: number,
    private readonly expiresIn = 900,
  ) {}

  private oauthError(error: string, description: string, extra: Record<string, unknown> = {}) {
    return {
      error,
      error_description: description,
      error_uri: "https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow",
      ...extra,
    };
  }

  /** POST /login/device/code */
  requestCode(params: Record<string, unknown>): { status: number; body: unknown } {
    const clientId = String(params.client_id ?? "");
    if (!this.state.clientIds.has(clientId)) return { status: 404, body: { error: "Not Found" } };
    const code: DeviceCode = {
      deviceCode: randomBytes(20).toString("hex"),
      userCode: userCode(),
      clientId,
      scope: String(params.scope ?? ""),
      expiresAt: this.state.now() + this.expiresIn * 1000,
      interval: this.interval,
      lastPollAt: null,
      approvedFor: null,
      denied: false,
      exchanged: false,
    };
    this.state.deviceCodes.push(code);
    return {
      status: 200,
      body: {
        device_code: code.deviceCode,
        user_code: code.userCode,
        verification_uri: this.verificationUri(),
        expires_in: this.expiresIn,
        interval: code.interval,
      },
    };
  }

  /** POST /login/oauth/access_token */
  poll(params: Record<string, unknown>): { status: number; body: unknown } {
    const clientId = String(params.client_id ?? "");
    if (!this.state.clientIds.has(clientId)) {
      return { status: 200, body: this.oauthError("incorrect_client_credentials", "The client_id is not valid.") };
    }
    if (params.grant_type !== "urn:ietf:params:oauth:grant-type:device_code") {
      return {
        status: 200,
        body: this.oauthError(
          "unsupported_grant_type",
          "The grant type must be urn:ietf:params:oauth:grant-type:device_code.",
        ),
      };
    }
    const code = this.state.deviceCodes.find((c) => c.deviceCode === params.device_code && c.clientId === clientId);
    if (!code || code.exchanged) {
      return { status: 200, body: this.oauthError("incorrect_device_code", "The device_code provided is not valid.") };
    }
    const now = this.state.now();
    if (now >= code.expiresAt) {
      return { status: 200, body: this.oauthError("expired_token", "The device_code has expired.") };
    }
    if (code.denied) {
      return { status: 200, body: this.oauthError("access_denied", "The authorization request was denied.") };
    }
    const tooSoon = code.lastPollAt !== null && now - code.lastPollAt < code.interval * 1000;
    code.lastPollAt = now;
    if (tooSoon) {
      code.interval += 5;
      return {
        status: 200,
        body: this.oauthError("slow_down", "Too many requests have been made in the same timeframe.", {
          interval: code.interval,
        }),
      };
    }
    if (!code.approvedFor) {
      return {
        status: 200,
        body: this.oauthError("authorization_pending", "The authorization request is still pending."),
      };
    }
    code.exchanged = true;
    return {
      status: 200,
      body: { access_token: this.state.issueToken(code.approvedFor, "gho_"), token_type: "bearer", scope: code.scope },
    };
  }

  private live(userCodeText: string): DeviceCode {
    const wanted = userCodeText.trim().toUpperCase();
    const code = this.state.deviceCodes.find((c) => c.userCode === wanted && !c.exchanged);
    if (!code || this.state.now() >= code.expiresAt)
      throw new HttpError(404, "There is no live device code with this user code.");
    return code;
  }

  /** The person at the verification page enters the code and authorizes the app as `login`. */
  approve(userCodeText: string, login: string): DeviceCode {
    const user = this.state.user(login);
    const code = this.live(userCodeText);
    code.approvedFor = user.login;
    return code;
  }

  deny(userCodeText: string): DeviceCode {
    const code = this.live(userCodeText);
    code.denied = true;
    return code;
  }
}

/** Eight letters and digits in two groups, like WDJB-MJHT (no vowels: no words by chance). */
function userCode(): string {
  const alphabet = "BCDFGHJKLMNPQRSTVWXZ23456789";
  const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${pick()}-${pick()}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The verification page: whoever opens it says who they are (there is no GitHub session here) and types the code. */
export function devicePage(message = ""): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Device activation · local GitHub</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto">
<h1>Device activation</h1>
<p>Enter the code shown by the application, and the GitHub login you authorize it for.</p>
${message ? `<p role="status"><strong>${escapeHtml(message)}</strong></p>` : ""}
<form method="post" action="/login/device">
<p><label>Login <input name="login" required autocomplete="username"></label></p>
<p><label>Code <input name="user_code" required placeholder="XXXX-XXXX" autocomplete="one-time-code"></label></p>
<p><button name="decision" value="authorize">Authorize</button> <button name="decision" value="deny">Cancel</button></p>
</form>
</body></html>`;
}
