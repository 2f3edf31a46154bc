import type { NodeStatus } from "../../generated/prisma/client.ts";
import { retireNode, updateNode } from "../../services/compute/changeNode.ts";
import { listNodes } from "../../services/compute/listNodes.ts";
import { nodeDetails } from "../../services/compute/nodeDetails.ts";
import { registerNode } from "../../services/compute/registerNode.ts";
import { UserError } from "../../services/errors.ts";
import type { HandlerContext } from "../context.ts";
import { stashValue, unstashValue } from "../pagerStash.ts";
import { ephemeral, noMentions, post } from "../reply.ts";
import { type NodeListState, nodeListView, nodeShowView, perHourText, readNodeListId } from "../views/computeViews.ts";
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
          fact: {
            kind: "node_registered",
            nodeId: n.id,
            name: n.name,
            providerId: ctx.actor.discordId,
            gpuModel: n.gpuModel,
            gpuCount: n.gpuCount,
            vramGb: n.vramGb,
            cpuCores: n.cpuCores,
            ramGb: n.ramGb,
            region: n.region,
            price: n.price.toFixed(),
          },
        },
      },
    ],
  );
  const api = ctx.deps.httpUrl ?? ctx.t.t("compute.register.noApiUrl");
  await i.reply(ephemeral({ content: ctx.t.t("compute.register.reply", { nodeId: String(node.id), api }) }));
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
  return nodeListView(ctx.t, result, { ...state, page: result.page }, ctx.deps.services.token, stashValue);
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
  await i.reply(ephemeral(nodeShowView(ctx.t, details, ctx.deps.services.token)));
};

export const update: CommandHandler = async (i, ctx) => {
  const node = await updateNode(ctx.deps.services, ctx.actor, i.options.getInteger("id", true), {
    price: i.options.getString("price"),
    region: i.options.getString("region"),
    description: i.options.getString("description"),
  });
  await i.reply(
    ephemeral({
      content: ctx.t.t("compute.update.reply", {
        nodeId: String(node.id),
        perHour: perHourText(ctx.t, node.price, node.gpuModel, ctx.deps.services.token),
        region: userLine(node.region, 24),
      }),
    }),
  );
};

export const retire: CommandHandler = async (i, ctx) => {
  const node = await retireNode(ctx.deps.services, ctx.actor, i.options.getInteger("id", true), (n) => [
    {
      guildId: n.guildId,
      kind: "compute",
      notice: { fact: { kind: "node_retired", nodeId: n.id, name: n.name, actorId: ctx.actor.discordId } },
    },
  ]);
  await i.reply(ephemeral({ content: ctx.t.t("compute.retire.reply", { nodeId: String(node.id) }) }));
};
