import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import { type Token, type TokenUnits, tokenAmountText } from "../../base/token.ts";
import type { NodeStatus } from "../../generated/prisma/client.ts";
import type { StoredSpecs } from "../../services/compute/declaredSpecs.ts";
import type { nodeDetails } from "../../services/compute/nodeDetails.ts";
import { percent } from "../../services/compute/uptime.ts";
import type { NoticeButton } from "../../services/publishing/enqueuePosts.ts";
import { decodeIdPart, encodeIdPart, isStashKey, joinCustomId } from "./customIdCodec.ts";
import { clip, ts } from "./governanceFormat.ts";
import { pagerRows } from "./pagerRows.ts";
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

export const hardwareText = (n: NodeLike) =>
  `${n.gpuModel ? `${n.gpuCount} × ${userLine(n.gpuModel, 64)} (${n.vramGb} GB)` : "no GPU"}, ${cores(n.cpuCores)}, ${n.ramGb} GB RAM`;

export function nodeLine(n: NodeLike & { provider: { discordId: string } }, token: Token) {
  return `${STATUS_ICON[n.status]} **#${n.id}** ${userLine(n.name, 64)} · ${hardwareText(n)} · ${userLine(n.region, 24)} · ${tokenAmountText(n.price, token)}/${n.gpuModel ? "GPU" : "CPU"}-h · <@${n.provider.discordId}>`;
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
  result: { items: (NodeLike & { provider: { discordId: string } })[]; total: number; page: number; pages: number },
  state: NodeListState,
  token: Token,
  stash: Stash,
) {
  const filters = [
    state.gpu && `GPU ${userLine(state.gpu, 40)}`,
    state.region && `region ${userLine(state.region, 30)}`,
    state.status,
  ]
    .filter(Boolean)
    .join(", ");
  const embed: APIEmbed = {
    title: `${state.scope === "mine" ? "Your nodes" : "All nodes"}${filters ? ` (${filters})` : ""}`,
    description:
      result.items.length > 0
        ? result.items.map((n) => nodeLine(n, token)).join("\n")
        : state.scope === "mine"
          ? "You have no nodes here yet. Run `steward node-agent` on the machine, then `/node register`."
          : "No nodes match.",
    color: 0x2ecc71,
    footer: { text: `Page ${result.page} of ${result.pages} · ${result.total} in total` },
  };
  const components = pagerRows(result.page, result.pages, (page) => nodeListCustomId({ ...state, page }, stash));
  return { embeds: [embed], components };
}

export function nodeShowView(d: Awaited<ReturnType<typeof nodeDetails>>, token: Token) {
  const n = d.node;
  const reported = d.reported
    ? `${d.reported.gpus.length > 0 ? d.reported.gpus.map((g) => `${userLine(g.name, 80)} (${Math.floor(g.memoryMiB / 1024)} GB)`).join(", ") : "no GPU"}, ${cores(d.reported.cpuCores)}, ${d.reported.ramGb} GB RAM, ${userLine(d.reported.os, 80)}`
    : "nothing yet (no heartbeat)";
  const leases = d.leases.map(
    (l) =>
      `#${l.id} ${l.status.replace("_", " ")} · ${l.gpuCount} GPU × ${l.hours.toString()} h at ${tokenAmountText(l.price, token)}${l.endsAt ? ` · ends ${ts(l.endsAt)}` : ""}`,
  );
  const embed: APIEmbed = {
    title: `${STATUS_ICON[n.status]} Node #${n.id} · ${userLine(n.name, 200)}`,
    description: userText(n.description ?? "", 700),
    color: n.shortfall ? 0xe67e22 : 0x2ecc71,
    fields: [
      { name: "Provider", value: `<@${n.provider.discordId}>`, inline: true },
      {
        name: "Status",
        value: `${n.status}${n.lastHeartbeatAt ? `, last seen ${ts(n.lastHeartbeatAt)}` : ""}`,
        inline: true,
      },
      {
        name: "Price",
        value: `${tokenAmountText(n.price, token)} per ${n.gpuModel ? "GPU" : "CPU"}-hour · ${n.region}`,
        inline: true,
      },
      { name: "Declared", value: hardwareText(n) },
      { name: "Reported", value: clip(reported) },
      { name: "Proven", value: provenText(d.challenge) },
      {
        name: "Uptime",
        value: uptimeText(d),
      },
      {
        name: "Flags",
        value: n.shortfall ? `⚠️ ${clip(n.shortfall, 900)} (reward capped at the reported capacity)` : "none",
      },
      { name: "Leases", value: leases.length > 0 ? clip(leases.join("\n")) : "none" },
      { name: "Earned", value: `${tokenAmountText(d.earned, token)} in epoch distributions`, inline: true },
      { name: "Key", value: `\`${n.publicKey}\``, inline: true },
    ],
  };
  const note = d.shortfallNote
    ? `⚠️ Your node's last heartbeat reports less than you declared: ${d.shortfallNote}. Its reward is capped at what it reports; fix the machine or \`/node update\` what you offer.`
    : undefined;
  return { ...(note ? { content: note } : {}), embeds: [embed] };
}

const FAILURE_TEXT: Record<string, string> = {
  late: "answered after the deadline",
  unanswered: "not answered",
  wrong_lane: "a sampled lane was wrong",
  wrong_lane_count: "the wrong number of lanes",
};

/** The last capacity challenge's verdict: what Steward checked itself, shown apart from what the agent reports. */
function provenText(c: Awaited<ReturnType<typeof nodeDetails>>["challenge"]): string {
  if (!c) return "not challenged yet: its capacity earns the CPU rate until it passes a challenge";
  if (c.status === "passed") {
    return `✅ challenge #${c.id} ${ts(c.issuedAt)} passed: ${c.lanes} lane(s) in ${((c.elapsedMs ?? 0) / 1000).toFixed(1)} s`;
  }
  return `❌ challenge #${c.id} ${ts(c.issuedAt)} failed (${FAILURE_TEXT[c.failure ?? ""] ?? c.failure}): its capacity earns the CPU rate until it passes one`;
}

export function matchesText(
  requestId: number,
  matches: { nodeId: number; score: number; reasons: string[]; offer: { name: string } }[],
  explanation?: string | null,
) {
  return [
    `Compute request **#${requestId}**: the best fitting online offers (score out of 100: uptime, price under your maximum, region, verified specs). Choose one to ask its provider.`,
    ...matches.map(
      (m, i) =>
        `${i + 1}. **node #${m.nodeId} ${userLine(m.offer.name, 64)}** · score ${m.score} · ${m.reasons.join(" · ")}`,
    ),
    ...(explanation ? [`**The agent:** ${userText(explanation, 600)}`] : []),
  ].join("\n");
}

export const leaseButtons = (leaseId: number, action: "decide" | "approve"): NoticeButton[] =>
  action === "approve"
    ? [{ customId: `${LEASE_PREFIX}:approve:${leaseId}`, label: "Approve lease", style: "primary" }]
    : [
        { customId: `${LEASE_PREFIX}:accept:${leaseId}`, label: "Accept", style: "success" },
        { customId: `${LEASE_PREFIX}:decline:${leaseId}`, label: "Decline", style: "danger" },
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

export const leaseTerms = (l: LeaseLike, token: Token) =>
  `${l.gpuCount} GPU × ${l.hours.toString()} h on node #${l.node.id} **${userLine(l.node.name, 64)}** at ${tokenAmountText(l.price, token)} per GPU-hour`;

export function leasesView(leases: LeaseLike[], me: string, token: Token) {
  if (leases.length === 0) return "You have no leases. Ask for compute with `/compute request`.";
  return leases
    .map((l) => {
      const role = l.request.requester.discordId === me ? "you lease" : `<@${l.request.requester.discordId}> leases`;
      const when = l.endedAt ? `ended ${ts(l.endedAt)}` : l.endsAt ? `ends ${ts(l.endsAt)}` : "";
      return `**#${l.id}** ${l.status.replace("_", " ")} · ${role} ${leaseTerms(l, token)} ${when} · “${userLine(l.purpose, 80)}”`;
    })
    .join("\n");
}

const cores = (count: number) => `${count} ${count === 1 ? "core" : "cores"}`;

/**
 * Uptime is measured over the part of each window the node existed in: for a node younger than the window, the
 * line says "since registration" rather than "24 h", so a young node's percentage is read for what it is.
 */
function uptimeText(d: Awaited<ReturnType<typeof nodeDetails>>): string {
  const age = d.now.getTime() - d.node.registeredAt.getTime();
  const since = `since registration ${ts(d.node.registeredAt, "R")}`;
  const windows =
    age < DAY
      ? [`${since}: ${percent(d.uptime.day)}`]
      : age < 7 * DAY
        ? [`24 h: ${percent(d.uptime.day)}`, `${since}: ${percent(d.uptime.week)}`]
        : [`24 h: ${percent(d.uptime.day)}`, `7 days: ${percent(d.uptime.week)}`];
  if (d.uptime.epoch) windows.push(`epoch ${d.uptime.epoch.number}: ${percent(d.uptime.epoch.ratio)}`);
  return `${windows.join(" · ")}\n(the share of each window, counted from registration, that signed heartbeats cover)`;
}

const DAY = 86_400_000;
