import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Token, TokenUnits } from "../../base/token.ts";
import type { NodeStatus } from "../../generated/prisma/client.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { StoredSpecs } from "../../services/compute/declaredSpecs.ts";
import type { nodeDetails } from "../../services/compute/nodeDetails.ts";
import type { FitFacts } from "../../services/compute/rankOffers.ts";
import type { NoticeButton } from "../../services/publishing/enqueuePosts.ts";
import { shortfallText, storedShortfallText } from "./computeFactText.ts";
import { decodeIdPart, encodeIdPart, isStashKey, joinCustomId } from "./customIdCodec.ts";
import { clip, ts } from "./governanceFormat.ts";
import { pagerRows } from "./pagerRows.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine, userText } from "./userText.ts";

export const NODE_LIST_PREFIX = "node-list";
export const LEASE_PREFIX = "lease";

const STYLE = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

/** Buttons of a compute notice, five to a row as Discord allows. */
export function noticeButtons(buttons: NoticeButton[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < 5; i += 5) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + 5).map((b) => ({
        type: ComponentType.Button,
        style: STYLE[b.style],
        label: b.label,
        custom_id: b.customId,
      })),
    });
  }
  return rows;
}

const STATUS_ICON: Record<NodeStatus, string> = { pending: "⏳", online: "🟢", offline: "🔴", retired: "⚫" };

interface NodeLike extends Omit<StoredSpecs, "description" | "price"> {
  price: TokenUnits;
  id: number;
  status: NodeStatus;
}

/** A fixed number of decimals, ungrouped as `toFixed` writes them, in the language's decimal sign. */
export const fixed = (t: Translator, n: number, digits: number) =>
  t.number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });

/** Hours as a lease's decimal stores them ("4", "0.5"). */
export const hoursText = (t: Translator, hours: { toString(): string } | number) =>
  t.number(Number(hours.toString()), { maximumFractionDigits: 2, useGrouping: false });

/** A share of time, rounded down to a tenth of a percent ("99.9 %"): never shown as more than was covered. */
export const percentText = (t: Translator, ratio: number) =>
  t.t("compute.percent", { value: fixed(t, Math.floor(ratio * 1000) / 10, 1) });

/** The price per GPU-hour (per CPU-hour for a node without GPUs). */
export const perHourText = (t: Translator, price: TokenUnits, gpuModel: string | null, token: Token) =>
  t.t("compute.perHour", { price: tokenAmountIn(t, price, token), unit: gpuModel ? "gpu" : "cpu" });

export const hardwareText = (
  t: Translator,
  n: Pick<NodeLike, "gpuModel" | "gpuCount" | "vramGb" | "cpuCores" | "ramGb">,
) =>
  t.t("compute.hardware", {
    gpu: n.gpuModel
      ? t.t("compute.hardware.gpu", {
          gpuCount: String(n.gpuCount),
          model: userLine(n.gpuModel, 64),
          vramGb: String(n.vramGb),
        })
      : t.t("compute.hardware.noGpu"),
    coreCount: n.cpuCores,
    cores: String(n.cpuCores),
    ramGb: String(n.ramGb),
  });

export const nodeStatusText = (t: Translator, status: string) => t.t("compute.nodeStatus", { status });
export const leaseStatusText = (t: Translator, status: string) => t.t("compute.leaseStatus", { status });

export function nodeLine(t: Translator, n: NodeLike & { provider: { discordId: string } }, token: Token) {
  return t.t("compute.nodeLine", {
    icon: STATUS_ICON[n.status],
    nodeId: String(n.id),
    name: userLine(n.name, 64),
    hardware: hardwareText(t, n),
    region: userLine(n.region, 24),
    price: tokenAmountIn(t, n.price, token),
    unit: n.gpuModel ? "gpu" : "cpu",
    providerId: n.provider.discordId,
  });
}

export interface NodeListState {
  scope: "mine" | "all";
  gpu?: string | undefined;
  region?: string | undefined;
  status?: NodeStatus | undefined;
  page: number;
}

/** Keeps a value too long for a custom id and returns the short key that stands for it (`pagerStash.ts`). */
export type Stash = (value: string) => string;

/**
 * `node-list:<scope>:<gpu>:<region>:<status>:<page>`, the filters written whole; when they cannot fit in 100
 * characters they are stashed and the gpu part carries the key (the region part is then empty).
 */
export function nodeListCustomId(s: NodeListState, stash: Stash): string {
  const tail = [s.status ?? "", s.page];
  const inline = joinCustomId(NODE_LIST_PREFIX, [
    s.scope,
    encodeIdPart(s.gpu ?? ""),
    encodeIdPart(s.region ?? ""),
    ...tail,
  ]);
  if (inline) return inline;
  const key = stash(JSON.stringify({ gpu: s.gpu ?? "", region: s.region ?? "" }));
  return joinCustomId(NODE_LIST_PREFIX, [s.scope, key, "", ...tail]) ?? `${NODE_LIST_PREFIX}:${s.scope}:${key}::`;
}

/** The list a pager button asks for, or "expired" when its stashed filters are no longer known. */
export function readNodeListId(
  [scope, gpu = "", region = "", status, page]: string[],
  unstash: (key: string) => string | undefined,
): NodeListState | "expired" {
  let filters = { gpu: decodeIdPart(gpu), region: decodeIdPart(region) };
  if (isStashKey(gpu)) {
    const stashed = unstash(gpu);
    if (stashed === undefined) return "expired";
    filters = JSON.parse(stashed) as typeof filters;
  }
  return {
    scope: scope === "all" ? "all" : "mine",
    gpu: filters.gpu || undefined,
    region: filters.region || undefined,
    status: NODE_STATUSES.find((x) => x === status),
    page: Number.parseInt(page ?? "1", 10) || 1,
  };
}
const NODE_STATUSES: NodeStatus[] = ["pending", "online", "offline", "retired"];

export function nodeListView(
  t: Translator,
  result: { items: (NodeLike & { provider: { discordId: string } })[]; total: number; page: number; pages: number },
  state: NodeListState,
  token: Token,
  stash: Stash,
) {
  const filters = [
    state.gpu && t.t("compute.nodeList.filter.gpu", { gpu: userLine(state.gpu, 40) }),
    state.region && t.t("compute.nodeList.filter.region", { region: userLine(state.region, 30) }),
    state.status && nodeStatusText(t, state.status),
  ]
    .filter(Boolean)
    .join(t.t("compute.separator"));
  const embed: APIEmbed = {
    title: filters
      ? t.t("compute.nodeList.filtered.embedTitle", { scope: state.scope, filters })
      : t.t("compute.nodeList.embedTitle", { scope: state.scope }),
    description:
      result.items.length > 0
        ? result.items.map((n) => nodeLine(t, n, token)).join("\n")
        : state.scope === "mine"
          ? t.t("compute.nodeList.emptyMine")
          : t.t("compute.nodeList.emptyAll"),
    color: 0x2ecc71,
    footer: {
      // Ungrouped, as the English has always shown them.
      text: t.t("compute.nodeList.footer", {
        page: String(result.page),
        pages: String(result.pages),
        total: String(result.total),
      }),
    },
  };
  const components = pagerRows(t, result.page, result.pages, (page) => nodeListCustomId({ ...state, page }, stash));
  return { embeds: [embed], components };
}

export function nodeShowView(t: Translator, d: Awaited<ReturnType<typeof nodeDetails>>, token: Token) {
  const n = d.node;
  const r = d.reported;
  const reported = r
    ? t.t("compute.node.reported", {
        gpus:
          r.gpus.length > 0
            ? r.gpus
                .map((g) =>
                  t.t("compute.node.reportedGpu", {
                    name: userLine(g.name, 80),
                    gb: String(Math.floor(g.memoryMiB / 1024)),
                  }),
                )
                .join(t.t("compute.separator"))
            : t.t("compute.hardware.noGpu"),
        coreCount: r.cpuCores,
        cores: String(r.cpuCores),
        ramGb: String(r.ramGb),
        os: userLine(r.os, 80),
      })
    : t.t("compute.node.reportedNothing");
  const leases = d.leases.map((l) => {
    const terms = {
      leaseId: String(l.id),
      status: leaseStatusText(t, l.status),
      gpuCount: String(l.gpuCount),
      hours: hoursText(t, l.hours),
      price: tokenAmountIn(t, l.price, token),
    };
    return l.endsAt
      ? t.t("compute.node.leaseEnds", { ...terms, endsAt: ts(l.endsAt) })
      : t.t("compute.node.lease", terms);
  });
  const status = nodeStatusText(t, n.status);
  const embed: APIEmbed = {
    title: t.t("compute.node.embedTitle", {
      icon: STATUS_ICON[n.status],
      nodeId: String(n.id),
      name: userLine(n.name, 200),
    }),
    description: userText(n.description ?? "", 700),
    color: n.shortfall ? 0xe67e22 : 0x2ecc71,
    fields: [
      { name: t.t("compute.node.provider.fieldName"), value: `<@${n.provider.discordId}>`, inline: true },
      {
        name: t.t("compute.node.status.fieldName"),
        value: n.lastHeartbeatAt ? t.t("compute.node.lastSeen", { status, seen: ts(n.lastHeartbeatAt) }) : status,
        inline: true,
      },
      {
        name: t.t("compute.node.price.fieldName"),
        value: t.t("compute.node.price", { perHour: perHourText(t, n.price, n.gpuModel, token), region: n.region }),
        inline: true,
      },
      { name: t.t("compute.node.declared.fieldName"), value: hardwareText(t, n) },
      { name: t.t("compute.node.reported.fieldName"), value: clip(reported) },
      { name: t.t("compute.node.proven.fieldName"), value: provenText(t, d.challenge) },
      { name: t.t("compute.node.uptime.fieldName"), value: uptimeText(t, d) },
      {
        name: t.t("compute.node.flags.fieldName"),
        value: n.shortfall
          ? t.t("compute.node.flagged", { shortfall: clip(storedShortfallText(t, n.shortfall), 900) })
          : t.t("compute.none"),
      },
      {
        name: t.t("compute.node.leases.fieldName"),
        value: leases.length > 0 ? clip(leases.join("\n")) : t.t("compute.none"),
      },
      {
        name: t.t("compute.node.earned.fieldName"),
        value: t.t("compute.node.earned", { amount: tokenAmountIn(t, d.earned, token) }),
        inline: true,
      },
      { name: t.t("compute.node.key.fieldName"), value: `\`${n.publicKey}\``, inline: true },
    ],
  };
  const note = d.shortfallNote
    ? t.t("compute.node.shortfallNote", { shortfall: clip(shortfallText(t, d.shortfallNote), 1500) })
    : undefined;
  return { ...(note ? { content: note } : {}), embeds: [embed] };
}

/** The last capacity challenge's verdict: what Steward checked itself, shown apart from what the agent reports. */
function provenText(t: Translator, c: Awaited<ReturnType<typeof nodeDetails>>["challenge"]): string {
  if (!c) return t.t("compute.node.notChallenged");
  if (c.status === "passed") {
    return t.t("compute.node.challengePassed", {
      challengeId: String(c.id),
      issuedAt: ts(c.issuedAt),
      laneCount: c.lanes,
      seconds: fixed(t, (c.elapsedMs ?? 0) / 1000, 1),
    });
  }
  return t.t("compute.node.challengeFailed", {
    challengeId: String(c.id),
    issuedAt: ts(c.issuedAt),
    failure: c.failure ?? "",
  });
}

/** Why an offer ranks where it does, in the language; a match stored before its facts were kept has English words. */
export function fitText(t: Translator, m: { reasons: string[]; fit?: FitFacts | undefined }, token: Token): string[] {
  const f = m.fit;
  if (!f) return m.reasons;
  return [
    t.t("compute.reason.uptime", { percent: percentText(t, f.uptime) }),
    t.t("compute.reason.price", {
      price: tokenAmountIn(t, f.price, token),
      maxPrice: tokenAmountIn(t, f.maxPrice, token),
    }),
    f.askedRegion === null
      ? f.region
      : f.regionMatch
        ? t.t("compute.reason.regionAsked", { region: f.region })
        : t.t("compute.reason.regionNotAsked", { region: f.region, asked: f.askedRegion }),
    f.shortfall
      ? t.t("compute.reason.flagged", { shortfall: shortfallText(t, f.shortfall) })
      : t.t("compute.reason.specsMatch"),
  ];
}

export function matchesText(
  t: Translator,
  requestId: number,
  matches: { nodeId: number; score: number; reasons: string[]; fit?: FitFacts; offer: { name: string } }[],
  token: Token,
  explanation?: string | null,
) {
  return [
    t.t("compute.matches.header", { requestId: String(requestId) }),
    ...matches.map((m, i) =>
      t.t("compute.matches.line", {
        position: String(i + 1),
        nodeId: String(m.nodeId),
        name: userLine(m.offer.name, 64),
        score: t.number(m.score),
        reasons: fitText(t, m, token).join(" · "),
      }),
    ),
    ...(explanation ? [t.t("compute.matches.agent", { explanation: userText(explanation, 600) })] : []),
  ].join("\n");
}

export const leaseButtons = (t: Translator, leaseId: number, action: "decide" | "approve"): NoticeButton[] =>
  action === "approve"
    ? [{ customId: `${LEASE_PREFIX}:approve:${leaseId}`, label: t.t("compute.lease.approve.button"), style: "primary" }]
    : [
        { customId: `${LEASE_PREFIX}:accept:${leaseId}`, label: t.t("compute.lease.accept.button"), style: "success" },
        { customId: `${LEASE_PREFIX}:decline:${leaseId}`, label: t.t("compute.lease.decline.button"), style: "danger" },
      ];

interface LeaseLike {
  id: number;
  status: string;
  gpuCount: number;
  hours: { toString(): string };
  price: TokenUnits;
  purpose: string;
  startsAt: Date | null;
  endsAt: Date | null;
  endedAt: Date | null;
  node: { id: number; name: string; provider: { discordId: string } };
  request: { requester: { discordId: string } };
}

/** A lease's terms as a notice stores them (for the guild's words, later). */
export const leaseTermsFact = (
  l: Omit<LeaseLike, "request" | "purpose" | "startsAt" | "endsAt" | "endedAt" | "status">,
) => ({
  leaseId: l.id,
  gpuCount: l.gpuCount,
  hours: l.hours.toString(),
  nodeId: l.node.id,
  nodeName: l.node.name,
  price: tokenUnitsString(l.price),
});

const tokenUnitsString = (u: TokenUnits) =>
  typeof u === "string" ? u : typeof u === "bigint" ? u.toString() : u.toFixed();

export const leaseTerms = (
  t: Translator,
  l: { gpuCount: number; hours: { toString(): string }; price: TokenUnits; node: { id: number; name: string } },
  token: Token,
) =>
  t.t("compute.leaseTerms", {
    gpuCount: String(l.gpuCount),
    hours: hoursText(t, l.hours),
    nodeId: String(l.node.id),
    nodeName: userLine(l.node.name, 64),
    price: tokenAmountIn(t, l.price, token),
  });

export function leasesView(t: Translator, leases: LeaseLike[], me: string, token: Token) {
  if (leases.length === 0) return t.t("compute.leases.none");
  return leases
    .map((l) => {
      const requesterId = l.request.requester.discordId;
      const when = l.endedAt
        ? t.t("compute.leases.ended", { at: ts(l.endedAt) })
        : l.endsAt
          ? t.t("compute.leases.ends", { at: ts(l.endsAt) })
          : "";
      return t.t("compute.leases.line", {
        leaseId: String(l.id),
        status: leaseStatusText(t, l.status),
        role: requesterId === me ? "requester" : "provider",
        requesterId,
        terms: leaseTerms(t, l, token),
        when,
        purpose: userLine(l.purpose, 80),
      });
    })
    .join("\n");
}

/**
 * Uptime is measured over the part of each window the node existed in: for a node younger than the window, the
 * line says "since registration" rather than "24 h", so a young node's percentage is read for what it is.
 */
function uptimeText(t: Translator, d: Awaited<ReturnType<typeof nodeDetails>>): string {
  const age = d.now.getTime() - d.node.registeredAt.getTime();
  const registeredAt = ts(d.node.registeredAt, "R");
  const since = (ratio: number) =>
    t.t("compute.uptime.sinceRegistration", { registeredAt, percent: percentText(t, ratio) });
  const day = t.t("compute.uptime.day", { percent: percentText(t, d.uptime.day) });
  const windows =
    age < DAY
      ? [since(d.uptime.day)]
      : age < 7 * DAY
        ? [day, since(d.uptime.week)]
        : [day, t.t("compute.uptime.week", { percent: percentText(t, d.uptime.week) })];
  if (d.uptime.epoch) {
    windows.push(
      t.t("compute.uptime.epoch", {
        epochNumber: String(d.uptime.epoch.number),
        percent: percentText(t, d.uptime.epoch.ratio),
      }),
    );
  }
  return t.t("compute.uptime.explained", { windows: windows.join(" · ") });
}

const DAY = 86_400_000;
