import { MessageFlags } from "discord.js";
import {
  approveLease,
  chooseOffer,
  decideLease,
  endLease,
  type LeaseAnnouncement,
  listLeases,
} from "../../services/compute/leases.ts";
import { explainRequest, requestCompute } from "../../services/compute/requestCompute.ts";
import { UserError } from "../../services/errors.ts";
import type { HandlerContext } from "../context.ts";
import { edit, ephemeral, noMentions, post } from "../reply.ts";
import { chooseButtons } from "../views/computeNoticeViews.ts";
import { leaseButtons, leasesView, leaseTerms, matchesText, noticeButtons } from "../views/computeViews.ts";
import { ts } from "../views/governanceFormat.ts";
import { userLine } from "../views/userText.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

export const request: CommandHandler = async (i, ctx) => {
  const o = i.options;
  const input = {
    gpuCount: o.getInteger("gpu_count", true),
    hours: o.getNumber("hours", true),
    maxPrice: o.getString("max_price", true),
    purpose: o.getString("purpose", true),
    gpuModel: o.getString("gpu_model"),
    minVramGb: o.getInteger("min_vram_gb"),
    region: o.getString("region"),
  };
  const { request, matches } = await requestCompute(ctx.deps.services, ctx.actor, input);
  // The agent's explanation may take seconds: answer within the 3 s first.
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const why = await explainRequest(ctx.deps.services, input, matches);
  await i.editReply(
    edit({
      content: matchesText(request.id, matches, why),
      components: noticeButtons(
        chooseButtons(
          request.id,
          matches.map((m) => m.nodeId),
        ),
      ),
    }),
  );
};

/**
 * What a new or approved lease announces: the provider is asked in the compute channel (Accept / Decline), or first
 * the moderators (a note, and Approve on the message); the message with the buttons is recorded on the lease.
 */
const leaseOffer =
  (ctx: HandlerContext): LeaseAnnouncement =>
  (lease) => {
    const token = ctx.deps.services.token;
    const requester = lease.request.requester.discordId;
    const provider = lease.node.provider.discordId;
    if (lease.status === "awaiting_approval") {
      return [
        {
          guildId: lease.guildId,
          kind: "note",
          note: {
            text: `Lease #${lease.id} (${leaseTerms(lease, token)}) costs more than LEASE_APPROVAL_ABOVE: approve it in #${ctx.deps.settings.channels.compute}.`,
            channel: "governance",
          },
        },
        {
          guildId: lease.guildId,
          kind: "compute",
          notice: {
            content: `Lease **#${lease.id}** waits for a moderator's approval before <@${provider}> is asked: <@${requester}> wants ${leaseTerms(lease, token)} for “${userLine(lease.purpose, 200)}”.`,
            buttons: leaseButtons(lease.id, "approve"),
            leaseId: lease.id,
          },
        },
      ];
    }
    return [
      {
        guildId: lease.guildId,
        kind: "compute",
        notice: {
          content: `<@${provider}>, <@${requester}> asks for ${leaseTerms(lease, token)} for “${userLine(lease.purpose, 200)}”. Accept to start lease **#${lease.id}** now; it is paid for the time your node is online during it.`,
          mention: [provider],
          buttons: leaseButtons(lease.id, "decide"),
          leaseId: lease.id,
        },
      },
    ];
  };

export const choose: ComponentHandler = async (i, ctx, [requestId, nodeId]) => {
  const r = Number(requestId);
  const n = Number(nodeId);
  if (!Number.isInteger(r) || !Number.isInteger(n)) throw new UserError("invalid_component", {});
  const { lease, created } = await chooseOffer(ctx.deps.services, ctx.actor, r, n, leaseOffer(ctx));
  const next =
    lease.status === "awaiting_approval"
      ? "A moderator approves leases of this size first; the provider is asked right after."
      : `<@${lease.node.provider.discordId}> was asked in #${ctx.deps.settings.channels.compute}.`;
  await i.reply(
    ephemeral({
      content: created
        ? `Lease **#${lease.id}**: ${leaseTerms(lease, ctx.deps.services.token)}. ${next}`
        : `You already chose for request #${r}: lease **#${lease.id}** (${lease.status.replace("_", " ")}).`,
    }),
  );
};

export const leaseButton: ComponentHandler = async (i, ctx, [action, leaseId]) => {
  const id = Number(leaseId);
  if (!Number.isInteger(id) || !["accept", "decline", "approve"].includes(action ?? "")) {
    throw new UserError("invalid_component", {});
  }
  const token = ctx.deps.services.token;
  const services = ctx.deps.services;
  if (action === "approve") {
    // The provider is asked with the approval itself, even if this click's answer never reaches Discord.
    const lease = await approveLease(services, ctx.actor, ctx.isModerator, id, leaseOffer(ctx));
    await i.update(
      post({
        content: `Lease **#${lease.id}** (${leaseTerms(lease, token)}) was approved by <@${ctx.actor.discordId}>.`,
        components: [],
        allowedMentions: noMentions,
      }),
    );
    return;
  }
  const lease = await decideLease(services, ctx.actor, id, action === "accept");
  const requester = lease.request.requester.discordId;
  const content =
    lease.status === "active"
      ? `✅ Lease **#${lease.id}** accepted by <@${ctx.actor.discordId}>: ${leaseTerms(lease, token)}, from ${ts(lease.startsAt ?? new Date())} until ${ts(lease.endsAt ?? new Date())}. <@${requester}>, your compute is ready.`
      : `Lease **#${lease.id}** was declined by <@${ctx.actor.discordId}>. <@${requester}>, ask again with \`/compute request\` for other offers.`;
  await i.update(post({ content, components: [], allowedMentions: { parse: [], users: [requester] } }));
};

export const leases: CommandHandler = async (i, ctx) => {
  const rows = await listLeases(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: leasesView(rows, ctx.actor.discordId, ctx.deps.services.token) }));
};

export const end: CommandHandler = async (i, ctx) => {
  const lease = await endLease(ctx.deps.services, ctx.actor, i.options.getInteger("lease", true), (ended) => {
    const other =
      ended.request.requester.discordId === ctx.actor.discordId
        ? ended.node.provider.discordId
        : ended.request.requester.discordId;
    return [
      {
        guildId: ended.guildId,
        kind: "compute",
        notice: {
          content: `Lease **#${ended.id}** was ended early by <@${ctx.actor.discordId}>; it is paid for what the node delivered until now. <@${other}>`,
          mention: [other],
        },
      },
    ];
  });
  await i.reply(ephemeral({ content: `Lease **#${lease.id}** ended. It is paid pro rata at the epoch's close.` }));
};
