import { Wallet } from "ethers";
import { describe, expect, it } from "vitest";
import { parseRfc3339, parseSiweMessage } from "../../src/services/wallets/parseSiweMessage.ts";
import { isAuthority, isUri } from "../../src/services/wallets/rfc3986.ts";
import { formatSiweMessage, type SiweMessage } from "../../src/services/wallets/siweMessage.ts";
import { walletChallengeMessage } from "../../src/services/wallets/walletChallengeMessage.ts";
import { walletLinkOrigin } from "../../src/services/wallets/walletDeps.ts";

// EIP-4361's own examples (implicit scheme, explicit port, explicit scheme).
const SPEC_EXAMPLE = [
  "example.com wants you to sign in with your Ethereum account:",
  "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
  "",
  "I accept the ExampleOrg Terms of Service: https://example.com/tos",
  "",
  "URI: https://example.com/login",
  "Version: 1",
  "Chain ID: 1",
  "Nonce: 32891756",
  "Issued At: 2021-09-30T16:25:24Z",
  "Resources:",
  "- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
  "- https://example.com/my-web2-claim.json",
].join("\n");

const parsed = (text: string) => {
  const r = parseSiweMessage(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.problem}`);
  return r.message;
};
const problem = (text: string) => {
  const r = parseSiweMessage(text);
  return r.ok ? "ok" : `${r.line}:${r.problem}`;
};
const lines = (text: string) => text.split("\n");
const withLine = (text: string, index: number, line: string | null) => {
  const l = lines(text);
  if (line === null) l.splice(index, 1);
  else l[index] = line;
  return l.join("\n");
};

describe("EIP-4361 messages", () => {
  it("parses the specification's examples", () => {
    const m = parsed(SPEC_EXAMPLE);
    expect(m).toMatchObject({
      scheme: undefined,
      domain: "example.com",
      address: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
      statement: "I accept the ExampleOrg Terms of Service: https://example.com/tos",
      uri: "https://example.com/login",
      version: "1",
      chainId: 1n,
      nonce: "32891756",
      resources: [
        "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
        "https://example.com/my-web2-claim.json",
      ],
    });
    expect(m.issuedAt.toISOString()).toBe("2021-09-30T16:25:24.000Z");
    expect(
      parsed(withLine(SPEC_EXAMPLE, 0, "example.com:3388 wants you to sign in with your Ethereum account:")),
    ).toMatchObject({ domain: "example.com:3388" });
    expect(
      parsed(withLine(SPEC_EXAMPLE, 0, "https://example.com wants you to sign in with your Ethereum account:")),
    ).toMatchObject({ scheme: "https", domain: "example.com" });
  });

  it("formats what it parses, with and without a statement (two blank lines), and with every optional field", () => {
    const full: SiweMessage = {
      scheme: "http",
      domain: "[::1]:3000",
      address: Wallet.createRandom().address,
      statement: "Link this wallet (user 1) in the server 2: free.",
      uri: "http://[::1]:3000/",
      version: "1",
      chainId: 31337n,
      nonce: "abcdef0123456789",
      issuedAt: new Date("2026-11-26T12:00:00.000Z"),
      expirationTime: new Date("2026-11-26T12:10:00.000Z"),
      notBefore: new Date("2026-11-26T11:59:00.000Z"),
      requestId: "req-1",
      resources: ["https://steward.example/a", "urn:steward:member:1"],
    };
    expect(parsed(formatSiweMessage(full))).toEqual(full);
    const bare = {
      ...full,
      statement: undefined,
      expirationTime: undefined,
      notBefore: undefined,
      requestId: undefined,
    };
    const text = formatSiweMessage({ ...bare, resources: undefined });
    expect(lines(text).slice(1, 5)).toEqual([full.address, "", "", `URI: ${full.uri}`]);
    expect(parsed(text)).toEqual({ ...bare, resources: undefined });
    // An empty statement is not the same message as none: three blank lines.
    const empty = formatSiweMessage({ ...full, statement: "" });
    expect(lines(empty).slice(2, 6)).toEqual(["", "", "", `URI: ${full.uri}`]);
    expect(parsed(empty).statement).toBe("");
    // Resources may be listed empty.
    expect(parsed(formatSiweMessage({ ...full, resources: [] })).resources).toEqual([]);
  });

  it("names the first line that breaks the grammar", () => {
    const cases: [string, string][] = [
      [SPEC_EXAMPLE.replaceAll("\n", "\r\n"), "1:line_ending"],
      [withLine(SPEC_EXAMPLE, 0, "example.com wants you to sign in with your Ethereum account"), "1:header"],
      [withLine(SPEC_EXAMPLE, 0, "example.com/login wants you to sign in with your Ethereum account:"), "1:header"],
      [withLine(SPEC_EXAMPLE, 0, "exa mple.com wants you to sign in with your Ethereum account:"), "1:header"],
      [withLine(SPEC_EXAMPLE, 0, "1https://example.com wants you to sign in with your Ethereum account:"), "1:header"],
      [withLine(SPEC_EXAMPLE, 0, "[::g]:80 wants you to sign in with your Ethereum account:"), "1:header"],
      [withLine(SPEC_EXAMPLE, 0, "Example.com Wants you to sign in with your Ethereum account:"), "1:header"],
      [withLine(SPEC_EXAMPLE, 1, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc"), "2:address"],
      [withLine(SPEC_EXAMPLE, 1, "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"), "2:address_checksum"],
      [withLine(SPEC_EXAMPLE, 1, "0xC02AAA39b223FE8D0A0e5C4F27eAD9083C756Cc2"), "2:address_checksum"],
      [withLine(SPEC_EXAMPLE, 2, "x"), "3:blank_line"],
      [withLine(SPEC_EXAMPLE, 3, 'I accept the "terms"'), "4:statement"],
      [withLine(SPEC_EXAMPLE, 3, "100% free"), "4:statement"],
      [withLine(SPEC_EXAMPLE, 3, "Überall"), "4:statement"],
      [withLine(SPEC_EXAMPLE, 4, null), "5:blank_line"],
      [withLine(SPEC_EXAMPLE, 5, "URI: not a uri"), "6:uri"],
      [withLine(SPEC_EXAMPLE, 5, "URI: https://example.com/%zz"), "6:uri"],
      [withLine(SPEC_EXAMPLE, 5, "Uri: https://example.com/login"), "6:uri"],
      [withLine(SPEC_EXAMPLE, 6, "Version: 2"), "7:version"],
      [withLine(SPEC_EXAMPLE, 7, "Chain ID: 0x1"), "8:chain_id"],
      [withLine(SPEC_EXAMPLE, 7, "Chain ID: "), "8:chain_id"],
      [withLine(SPEC_EXAMPLE, 8, "Nonce: 1234567"), "9:nonce"],
      [withLine(SPEC_EXAMPLE, 8, "Nonce: 1234-5678"), "9:nonce"],
      [withLine(SPEC_EXAMPLE, 9, "Issued At: 2021-02-29T16:25:24Z"), "10:issued_at"],
      [withLine(SPEC_EXAMPLE, 9, "Issued At: 2021-09-30T24:00:00Z"), "10:issued_at"],
      [withLine(SPEC_EXAMPLE, 9, "Issued At: 2021-09-30T16:25:24"), "10:issued_at"],
      [withLine(SPEC_EXAMPLE, 9, "Issued At: 2021-09-30 16:25:24Z"), "10:issued_at"],
      [withLine(SPEC_EXAMPLE, 9, "Issued At: 1632932724"), "10:issued_at"],
      [
        withLine(SPEC_EXAMPLE, 10, "Not Before: 2021-09-30T16:25:24Z\nExpiration Time: 2021-09-30T17:25:24Z"),
        "12:unexpected_line",
      ],
      [withLine(SPEC_EXAMPLE, 10, "Expiration Time: tomorrow"), "11:expiration_time"],
      [withLine(SPEC_EXAMPLE, 10, "Request ID: has space"), "11:request_id"],
      [withLine(SPEC_EXAMPLE, 11, "- not a uri"), "12:resource"],
      [withLine(SPEC_EXAMPLE, 11, "* https://example.com"), "12:resource"],
      [`${SPEC_EXAMPLE}\n`, "14:resource"],
      [lines(SPEC_EXAMPLE).slice(0, 10).join("\n").concat("\n"), "11:unexpected_line"],
      [lines(SPEC_EXAMPLE).slice(0, 8).join("\n"), "9:too_short"],
      [lines(SPEC_EXAMPLE).slice(0, 2).join("\n"), "3:too_short"],
      ["", "1:header"],
    ];
    for (const [text, expected] of cases) expect(problem(text), text).toBe(expected);
  });

  it("reads RFC 3339 times exactly, offsets and leap seconds included", () => {
    expect(parseRfc3339("1985-04-12T23:20:50.52Z")?.toISOString()).toBe("1985-04-12T23:20:50.520Z");
    expect(parseRfc3339("1996-12-19T16:39:57-08:00")?.toISOString()).toBe("1996-12-20T00:39:57.000Z");
    expect(parseRfc3339("1937-01-01T12:00:27.87+00:20")?.toISOString()).toBe("1937-01-01T11:40:27.870Z");
    expect(parseRfc3339("1990-12-31T23:59:60Z")?.toISOString()).toBe("1991-01-01T00:00:00.000Z");
    expect(parseRfc3339("2024-02-29t00:00:00z")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseRfc3339("0099-01-01T00:00:00Z")?.getUTCFullYear()).toBe(99);
    for (const bad of [
      "2023-02-29T00:00:00Z",
      "2021-13-01T00:00:00Z",
      "2021-01-01T00:60:00Z",
      "2021-01-01T00:00:00+24:00",
    ])
      expect(parseRfc3339(bad), bad).toBeNull();
  });

  it("checks URIs and authorities by RFC 3986", () => {
    for (const good of [
      "https://example.com/login",
      "http://127.0.0.1:3000/",
      "http://[::1]:8080/a?b=c#d",
      "https://user:pw@example.com",
      "urn:isbn:0451450523",
      "mailto:someone@example.com",
      "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
      "https://example.com/%E2%82%AC",
    ])
      expect(isUri(good), good).toBe(true);
    for (const bad of [
      "example.com",
      "https://exa mple.com",
      "https://example.com/<x>",
      "https://[fe80::1%eth0]/",
      ":x",
    ])
      expect(isUri(bad), bad).toBe(false);
    for (const good of ["example.com", "example.com:3388", "[2001:db8::7]:443", "[v1.fe80::a+en1]", "a@b", ""])
      expect(isAuthority(good), good).toBe(true);
    for (const bad of ["example.com:port", "a@b@c", "[::1", "exa/mple"]) expect(isAuthority(bad), bad).toBe(false);
  });
});

describe("Steward's wallet link message", () => {
  const base = {
    chainId: 31337,
    guildId: "100000000000000001",
    discordId: "300000000000000001",
    address: Wallet.createRandom().address,
    nonce: "0123456789abcdef0123456789abcdef",
    issuedAt: new Date("2026-11-26T12:00:00.000Z"),
    expiresAt: new Date("2026-11-26T12:10:00.000Z"),
  };

  it("is EIP-4361: this Steward's domain, what signing does, the chain, the nonce and the expiry", () => {
    const text = walletChallengeMessage({
      ...base,
      origin: walletLinkOrigin("https://steward.example/"),
      guildName: "Steward DAO",
    });
    expect(text).toBe(
      [
        "steward.example wants you to sign in with your Ethereum account:",
        base.address,
        "",
        "Link this wallet to your Discord account (user 300000000000000001) in the Discord server Steward DAO (100000000000000001) to receive Steward payouts. Signing is free: it sends no transaction and costs nothing.",
        "",
        "URI: https://steward.example/",
        "Version: 1",
        "Chain ID: 31337",
        "Nonce: 0123456789abcdef0123456789abcdef",
        "Issued At: 2026-11-26T12:00:00.000Z",
        "Expiration Time: 2026-11-26T12:10:00.000Z",
      ].join("\n"),
    );
    expect(parsed(text)).toMatchObject({ domain: "steward.example", chainId: 31337n, nonce: base.nonce });
  });

  it("writes the scheme when it is not https, and keeps any server name within the statement's characters", () => {
    const text = walletChallengeMessage({
      ...base,
      origin: walletLinkOrigin("http://127.0.0.1:3000"),
      guildName: '🚀 Café "Ünïcode" 100% <DAO> 日本',
    });
    expect(lines(text)[0]).toBe("http://127.0.0.1:3000 wants you to sign in with your Ethereum account:");
    const m = parsed(text);
    expect(m.statement).toContain("in the Discord server Cafe Unicode 100 DAO (100000000000000001)");
    expect(m.uri).toBe("http://127.0.0.1:3000/");
    expect(
      parsed(walletChallengeMessage({ ...base, origin: walletLinkOrigin("https://s.example"), guildName: "🚀" }))
        .statement,
    ).toContain("in the Discord server 100000000000000001 to receive");
  });
});
