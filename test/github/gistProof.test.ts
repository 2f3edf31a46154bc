import { describe, expect, it } from "vitest";
import { attemptOf } from "../../src/services/github/deviceLinks.ts";
import { gistChallenge, gistProves, isGithubLogin } from "../../src/services/github/gistProof.ts";

const challenge = gistChallenge({ guildId: "1", discordId: "2", login: "octo-cat", nonce: "ab12" });

describe("the gist proof's rules", () => {
  it("the challenge names the guild, the member, the account and the nonce", () => {
    for (const part of ["server 1", "member 2", "octo-cat", "ab12"]) expect(challenge).toContain(part);
    expect(gistChallenge({ guildId: "1", discordId: "2", login: "octo-cat", nonce: "cd34" })).not.toBe(challenge);
  });

  it("a gist proves the account only when it is that account's and a file holds the exact challenge", () => {
    const files = { "a.txt": { content: `hello\n${challenge}\n` } };
    expect(gistProves({ owner: { login: "Octo-Cat" }, files }, "octo-cat", challenge)).toBe(true);
    expect(gistProves({ owner: { login: "mallory" }, files }, "octo-cat", challenge)).toBe(false);
    expect(gistProves({ owner: null, files }, "octo-cat", challenge)).toBe(false);
    const other = { "a.txt": { content: challenge.replace("ab12", "ab13") } };
    expect(gistProves({ owner: { login: "octo-cat" }, files: other }, "octo-cat", challenge)).toBe(false);
    expect(gistProves({ owner: { login: "octo-cat" }, files: { "a.txt": null } }, "octo-cat", challenge)).toBe(false);
  });

  it("accepts GitHub logins only: letters, digits, single inner hyphens, at most 39", () => {
    for (const ok of ["a", "octo-cat", "A1-b2-c3", "x".repeat(39)]) expect(isGithubLogin(ok), ok).toBe(true);
    for (const bad of ["", "-a", "a-", "a--b", "a b", "a_b", "x".repeat(40), "a/b"]) {
      expect(isGithubLogin(bad), bad).toBe(false);
    }
  });
});

describe("a stored link attempt, as /github show tells it", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  const row = {
    id: 1,
    guildId: "1",
    discordId: "2",
    username: "gus",
    method: "device",
    status: "pending",
    reason: null,
    login: null,
    deviceCode: "dc",
    userCode: "ABCD-EFGH",
    verificationUri: "https://github.com/login/device",
    interval: 5,
    nonce: null,
    challenge: null,
    startedAt: now,
    expiresAt: new Date(now.getTime() + 60_000),
    endedAt: null,
  };
  it("pending until its expiry, then expired; ended ones as they ended", () => {
    expect(attemptOf(row, now)).toMatchObject({ status: "pending", method: "device", userCode: "ABCD-EFGH" });
    expect(attemptOf(row, new Date(now.getTime() + 60_000))).toEqual({ status: "failed", reason: "expired" });
    expect(attemptOf({ ...row, status: "failed", reason: "taken", login: "x" }, now)).toEqual({
      status: "failed",
      reason: "taken",
      login: "x",
    });
    expect(attemptOf({ ...row, status: "linked", login: "x" }, now)).toEqual({ status: "linked", login: "x" });
    const gist = { ...row, method: "gist", login: "octo-cat", challenge, nonce: "ab12" };
    expect(attemptOf(gist, now)).toMatchObject({ status: "pending", method: "gist", login: "octo-cat", challenge });
  });
});
