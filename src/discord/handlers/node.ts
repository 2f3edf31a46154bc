import { tokenAmountText } from "../../base/token.ts";
import type { NodeStatus } from "../../generated/prisma/client.ts";
import { retireNode, updateNode } from "../../services/compute/changeNode.ts";
import { listNodes } from "../../services/compute/listNodes.ts";
import { nodeDetails } from "../../services/compute/nodeDetails.ts";
import { registerNode } from "../../services/compute/registerNode.ts";
import { UserError } from "../../services/errors.ts";
import type { HandlerContext } from "../context.ts";
import { stashValue, unstashValue } from "../pagerStash.ts";
import { ephemeral, noMentions, post } from "../reply.ts";
import { hardwareText, type NodeListState, nodeListView, nodeShowView, readNodeListId } from "../views/computeViews.ts";
import { userLine } from "../views/userText.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

const STATUSES = ["pending", "online", "offline", "retired"] as const;
const isStatus = (s: string | null | undefined): s is NodeStatus => STATUSES.includes(s as NodeStatus);

export const register: CommandHandler = async (i, ctx) => {
  const o = i.options;
  const node = await registerNode(
    ctx.deps.services,
    ctx.actor,
    ctx.member.roles,
    {
      name: o.getString("name", true),
      gpuModel: o.getString("gpu_model", true),
      gpuCount: o.getInteger("gpu_count", true),
      vramGb: o.getInteger("vram_gb", true),
      cpuCores: o.getInteger("cpu_cores", true),
      ramGb: o.getInteger("ram_gb", true),
      region: o.getString("region", true),
      price: o.getString("price", true),
      publicKey: o.getString("public_key", true),
      description: o.getString("description"),
    },
    (n) => [
      {
        guildId: n.guildId,
        kind: "compute",
        notice: {
          content: `🖥️ <@${ctx.actor.discordId}> registered node **#${n.id} ${userLine(n.name, 64)}**: ${hardwareText(n)}, ${userLine(n.region, 24)}, ${tokenAmountText(n.price, ctx.deps.services.token)} per ${n.gpuModel ? "GPU" : "CPU"}-hour. Pending until its agent's first heartbeat.`,
        },
      },
    ],
  );
  const api = ctx.deps.httpUrl ?? "<Steward's HTTP URL>";
  await i.reply(
    ephemeral({
      content: `Node **#${node.id}** is registered and pending until its first heartbeat. On the machine, keep the agent running with the key it created (add \`--key <file>\` if you gave it one):\n\`npm run steward -- node-agent --api ${api} --node ${node.id}\`\n(in a clone of Steward; where Steward is installed as a package: \`steward node-agent …\`). It turns online with the first signed heartbeat; \`/node show id:${node.id}\` follows it.`,
    }),
  );
};

async function renderList(ctx: HandlerContext, state: NodeListState) {
  const result = await listNodes(ctx.deps.services, {
    guildId: ctx.actor.guildId,
    providerDiscordId: state.scope === "mine" ? ctx.actor.discordId : undefined,
    gpu: state.gpu,
    region: state.region,
    status: state.status,
    page: state.page,
  });
  return nodeListView(result, { ...state, page: result.page }, ctx.deps.services.token, stashValue);
}

export const list: CommandHandler = async (i, ctx) => {
  const status = i.options.getString("status");
  const view = await renderList(ctx, {
    scope: i.options.getString("scope") === "all" ? "all" : "mine",
    gpu: i.options.getString("gpu")?.trim() || undefined,
    region: i.options.getString("region")?.trim() || undefined,
    status: isStatus(status) ? status : undefined,
    page: 1,
  });
  await i.reply(ephemeral(view));
};

/** Previous / Next: the list's state travels in the button's custom id (long filters by a stashed key). */
export const listPage: ComponentHandler = async (i, ctx, args) => {
  const state = readNodeListId(args, unstashValue);
  if (state === "expired") throw new UserError("pager_expired", { command: "/node list" });
  const view = await renderList(ctx, state);
  await i.update(post({ ...view, allowedMentions: noMentions }));
};

export const show: CommandHandler = async (i, ctx) => {
  const details = await nodeDetails(ctx.deps.services, ctx.actor, i.options.getInteger("id", true));
  await i.reply(ephemeral(nodeShowView(details, ctx.deps.services.token)));
};

export const update: CommandHandler = async (i, ctx) => {
  const node = await updateNode(ctx.deps.services, ctx.actor, i.options.getInteger("id", true), {
    price: i.options.getString("price"),
    region: i.options.getString("region"),
    description: i.options.getString("description"),
  });
  const price = tokenAmountText(node.price, ctx.deps.services.token);
  await i.reply(
    ephemeral({
      content: `Node **#${node.id}** now offers ${price} per ${node.gpuModel ? "GPU" : "CPU"}-hour in ${userLine(node.region, 24)}. Leases already agreed keep their price.`,
    }),
  );
};

export const retire: CommandHandler = async (i, ctx) => {
  const node = await retireNode(ctx.deps.services, ctx.actor, i.options.getInteger("id", true), (n) => [
    {
      guildId: n.guildId,
      kind: "compute",
      notice: { content: `⚫ <@${ctx.actor.discordId}> retired node **#${n.id} ${userLine(n.name, 64)}**.` },
    },
  ]);
  await i.reply(
    ephemeral({
      content: `Node **#${node.id}** is retired: its heartbeats are refused from now on and its active leases ended (paid for what was delivered). Its key can serve a new node.`,
    }),
  );
};
