import { describe, expect, it } from "vitest";
import { ballot, describeVote } from "../../src/discord/views/ballotViews.ts";
import { leasesView, matchesText, nodeListView } from "../../src/discord/views/computeViews.ts";
import { contributionEmbed, contributionListView } from "../../src/discord/views/contributionViews.ts";
import { contributionDigest, evaluationDigest } from "../../src/discord/views/digestViews.ts";
import { appealView, evaluationEmbed } from "../../src/discord/views/evaluationViews.ts";
import { tallyLines } from "../../src/discord/views/governanceFormat.ts";
import { payoutStatusView, receiptMessage } from "../../src/discord/views/payoutViews.ts";
import { proposalMessage } from "../../src/discord/views/proposalMessageView.ts";
import { proposalDraftView } from "../../src/discord/views/proposalViews.ts";
import { reminderDmText, reminderPostText } from "../../src/discord/views/reminderViews.ts";
import { evidenceLink, userLine, userText } from "../../src/discord/views/userText.ts";
import { translator } from "../../src/i18n/translator.ts";
import { activeMarkup, INVISIBLE, visibleText } from "../helpers/discordMarkup.ts";

/** Markdown, mention and invisible-character injections, each as a title, name, reason or description. */
const CORPUS = [
  "[claim your reward](https://evil.example)",
  "[https://github.com/acme/app](https://evil.example/steal)",
  "[reward](<https://evil.example>)",
  "# Official announcement",
  "## Steward says: claim now",
  "### small heading",
  "-# subtext from Steward",
  "> quoted as if Steward",
  ">>> the rest is a quote\nand more",
  "- list item",
  "* star item",
  "+ plus item",
  "1. numbered item",
  "**bold** __underline__ *italic* _it_",
  "~~strike~~",
  "||spoiler||",
  "`inline code`",
  "```js\nalert(1)\n```",
  "<@123456789012345678> says hi",
  "<@!123456789012345678>",
  "<@&987654321098765432> ping the role",
  "<#111111111111111111> see channel",
  "</payout approve:222222222222222222>",
  "<t:1700000000:R> deadline",
  "<t:1700000000>",
  "<:pepe:333333333333333333>",
  "<a:party:444444444444444444>",
  "@everyone and @here",
  "https://evil.example/claim",
  "<https://evil.example>",
  "\\[escaped](https://evil.example)",
  "\\\\*not bold*",
  "title\n# injected heading",
  "name\u2028# after a line separator",
  "\u202Elpmaxe.live\u202C reversed",
  "Stew\u200Bard with a zero-width space",
  "\u2066[x](https://e.example)\u2069 isolated",
  "\u200F\u061Cright-to-left marks\u200E",
  "\uFEFFbom and soft\u00ADhyphen",
  "family 👨\u200D👩\u200D👧 keeps its joiner",
];
const PLAIN = "plain words";
const ID = "55555555555555555";
const token = { symbol: "STEW", decimals: 18 };
const when = new Date("2026-01-02T03:04:05Z");

type Payload = {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
};
/** The parts of a message Discord renders as markdown. */
const markdownOf = (p: Payload | string) =>
  typeof p === "string"
    ? [p]
    : [
        p.content ?? "",
        ...(p.embeds ?? []).flatMap((e) => [
          e.title ?? "",
          e.description ?? "",
          ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
        ]),
      ];

const contribution = (s: string) => ({
  id: 7,
  guildId: "1",
  title: s,
  description: s,
  category: "code",
  links: [],
  hours: null,
  status: "evaluated",
  channelId: "2",
  messageId: "3",
  createdAt: when,
  withdrawnAt: null,
  author: { discordId: ID },
});
const evaluation = (s: string) => ({
  id: 3,
  purpose: "initial",
  scores: [{ criterion: "impact", score: 7, weight: 0.5, reason: s }],
  total: 70,
  suggestedReward: "1000000000000000000",
  confidence: 0.8,
  rationale: s,
  evidence: [s],
  flags: [],
  model: "rubric",
  rubricVersion: 1,
  createdAt: when,
  reviewedBy: null,
});
const node = (s: string) => ({
  id: 4,
  name: s,
  status: "online",
  gpuModel: s,
  gpuCount: 1,
  vramGb: 24,
  cpuCores: 8,
  ramGb: 32,
  region: s,
  price: "1000000000000000000",
  provider: { discordId: ID },
});
const outcome = { scores: [2, 1], scoresTotal: 3 };
const reminder = (s: string) => ({
  guildId: "1",
  proposalId: 2,
  title: s,
  open: true,
  endsAt: when,
  offsetSeconds: 3600,
  voters: 3,
  turnoutWeight: 3,
  quorumWeight: 38,
  quorumMet: false,
  eligibleVoters: 5000,
  mayStillVote: 4997,
  channelId: "3",
  messageId: "4",
  terms: {
    quorumSpec: "10%",
    quorumWeight: 38,
    eligibleWeight: 5000,
    eligibleVoters: 5000,
    weightStrategy: "one-member-one-vote",
    quorumOf: "active",
    quorumMembers: 380,
    quorumBaseWeight: 380,
    activeSince: when,
  },
});

/** Every view that shows user text, with the text in each of its user slots. */
const VIEWS: Record<string, (s: string) => Payload | string> = {
  contributionEmbed: (s) => ({ embeds: [contributionEmbed(translator("en"), contribution(s) as never)] }),
  contributionListView: (s) =>
    contributionListView(
      translator("en"),
      { items: [contribution(s) as never], total: 1, page: 1, pages: 1 },
      {
        scope: "all",
        status: undefined,
        page: 1,
      },
    ),
  contributionDigest: (s) => {
    const d = contributionDigest(translator("en"), [contribution(s) as never]);
    return { content: d.content, embeds: [d.embed] };
  },
  evaluationDigest: (s) => {
    const d = evaluationDigest(translator("en"), [{ ...evaluation(s), contribution: contribution(s) } as never], token);
    return { content: d.content, embeds: [d.embed] };
  },
  evaluationEmbed: (s) => ({
    embeds: [evaluationEmbed(translator("en"), evaluation(s) as never, contribution(s), token)],
  }),
  appealView: (s) =>
    appealView(
      translator("en"),
      { id: 2, reason: s, authorDiscordId: ID },
      contribution(s),
      evaluation(s) as never,
      null,
      token,
    ),
  proposalDraftView: (s) =>
    proposalDraftView(
      translator("en"),
      1,
      { title: s, summary: s, motivation: s, specification: s, budget: null, risks: s, successMetrics: s },
      "llm",
      "STEW",
    ),
  proposalMessage: (s) =>
    proposalMessage(
      translator("en"),
      {
        proposal: {
          id: 2,
          title: s,
          summary: s,
          motivation: s,
          specification: s,
          status: "draft",
          kind: "general",
          authorDiscordId: ID,
          batch: null,
          choices: [],
          votingType: null,
          endsAt: null,
        },
        result: null,
        anchor: null,
        carried: [],
      } as never,
      token,
    ),
  reminderPostText: (s) => reminderPostText(translator("en"), reminder(s)),
  reminderDmText: (s) => reminderDmText(translator("en"), reminder(s)),
  tallyLines: (s) => tallyLines([s, "Against"], outcome as never),
  describeVote: (s) => describeVote(translator("en"), { votingType: "ranked_choice", choices: [s, "other"] }, [1, 2]),
  receiptMessage: (s) =>
    receiptMessage(
      translator("en"),
      {
        proposal: { id: 2, title: s, batchHash: "0xab" },
        lines: [{ discordId: ID, recipient: "0x1", amount: "1", heldLineId: null }],
        total: "1",
        transactions: [],
      } as never,
      token,
    ),
  payoutStatusView: (s) =>
    payoutStatusView(
      translator("en"),
      { proposal: { id: 2, title: s, status: "approved" }, chunks: [], chainConfigured: true } as never,
      token,
    ),
  nodeListView: (s) =>
    nodeListView(
      translator("en"),
      { items: [node(s) as never], total: 1, page: 1, pages: 1 },
      { scope: "all", gpu: s, region: s, page: 1 },
      token,
      (v) => v,
    ),
  matchesText: (s) =>
    matchesText(translator("en"), 9, [{ nodeId: 4, score: 80, reasons: ["fits"], offer: { name: s } }], token, s),
  leasesView: (s) =>
    leasesView(
      translator("en"),
      [
        {
          id: 1,
          status: "active",
          gpuCount: 1,
          hours: "2",
          price: "1",
          purpose: s,
          startsAt: when,
          endsAt: when,
          endedAt: null,
          node: { id: 4, name: s, provider: { discordId: ID } },
          request: { requester: { discordId: ID } },
        },
      ],
      ID,
      token,
    ),
};

const cleaned = (s: string) => s.replace(/(?!\u200D)\p{Cf}/gu, "");

describe("user text cannot speak in Steward's voice", () => {
  it(`the corpus holds ${CORPUS.length} injections (at least 30)`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, render] of Object.entries(VIEWS)) {
    it(`${name}: every injection adds no markup and shows as text`, () => {
      const baseline = activeMarkup(markdownOf(render(PLAIN)).join("\n"));
      for (const s of CORPUS) {
        const parts = markdownOf(render(s));
        const all = parts.join("\n");
        expect({ s, markup: activeMarkup(all) }).toEqual({ s, markup: baseline });
        expect(INVISIBLE.test(all), `invisible characters kept from ${JSON.stringify(s)}`).toBe(false);
        const seen = visibleText(all);
        for (const word of cleaned(s).split(/\s+/).filter(Boolean)) {
          expect(seen, `${JSON.stringify(word)} of ${JSON.stringify(s)}`).toContain(word);
        }
      }
    });
  }

  it("ballot labels (plain text in Discord) drop invisible characters and fit the limits", () => {
    for (const s of CORPUS) {
      const rows = ballot(translator("en"), {
        id: 1,
        votingType: "approval",
        choices: [s, `${s}${"x".repeat(120)}`],
      } as never);
      const options = rows.flatMap((r) => r.components.flatMap((c) => ("options" in c ? c.options : [])));
      for (const o of options) {
        expect(INVISIBLE.test(o.label)).toBe(false);
        expect([...o.label].length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("a contribution's links stay clickable as evidence, with the real host as their text", () => {
    const embed = contributionEmbed(translator("en"), {
      ...contribution(PLAIN),
      links: ["https://github.com/acme/app/pull/3", "https://evil.example/(github.com)", "[x](https://evil.example)"],
    } as never);
    const links = embed.fields?.find((f) => f.name === "Links")?.value ?? "";
    expect(links).toContain("[github.com/acme/app/pull/3](https://github.com/acme/app/pull/3)");
    expect(links).toContain("[evil.example/(github.com)](https://evil.example/%28github.com%29)");
    // Not a URL: shown as text, so no masked link of the member's making.
    expect(activeMarkup(links).filter((k) => k === "masked link")).toHaveLength(2);
  });

  it("escaped text fits its limit without cutting an escape in half", () => {
    for (const s of CORPUS) {
      for (const max of [5, 12, 40]) {
        const line = userLine(s.repeat(10), max);
        expect(line.length).toBeLessThanOrEqual(max);
        expect(activeMarkup(line)).toEqual([]);
        expect(userText(s.repeat(10), max).length).toBeLessThanOrEqual(max);
      }
    }
    expect(evidenceLink("javascript:alert(1)")).toBe("javascript:alert(1)");
  });
});
