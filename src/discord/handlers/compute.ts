import { MessageFlags } from "discord.js";
import { type Translator, translator } from "../../i18n/translator.ts";
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
import { guildLocale } from "../interactionLocale.ts";
import { edit, ephemeral, noMentions, post } from "../reply.ts";
import { chooseButtons } from "../views/computeNoticeViews.ts";
import {
  leaseStatusText,
  leasesView,
  leaseTerms,
  leaseTermsFact,
  matchesText,
  noticeButtons,
} from "../views/computeViews.ts";
import { ts } from "../views/governanceFormat.ts";
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
      content: matchesText(ctx.t, request.id, matches, ctx.deps.services.token, why),
      components: noticeButtons(
        chooseButtons(
          ctx.t,
          request.id,
          matches.map((m) => m.nodeId),
        ),
      ),
    }),
  );
};

/** The words of a message everyone in the compute channel reads: the guild's language, as the publisher's. */
const publicT = (i: { guildLocale: string | null }, ctx: HandlerContext) =>
  translator(guildLocale(ctx.deps.settings, i.guildLocale));

/**
 * What a new or approved lease announces: the provider is asked in the compute channel (Accept / Decline), or first
 * the moderators (a note, and Approve on the message); the message with the buttons is recorded on the lease.
 */
const leaseOffer =
  (ctx: HandlerContext, guildT: Translator): LeaseAnnouncement =>
  (lease) => {
    const facts = {
      lease: leaseTermsFact(lease),
      requesterId: lease.request.requester.discordId,
      providerId: lease.node.provider.discordId,
      purpose: lease.purpose,
    };
    if (lease.status === "awaiting_approval") {
      return [
        {
          guildId: lease.guildId,
          kind: "note",
          note: {
            // A moderators' note is words, written now in the guild's language (notes have no fact for this).
            text: guildT.t("compute.note.leaseNeedsApproval", {
              leaseId: String(lease.id),
              terms: leaseTerms(guildT, lease, ctx.deps.services.token),
              channel: ctx.deps.settings.channels.compute,
            }),
            channel: "governance",
          },
        },
        { guildId: lease.guildId, kind: "compute", notice: { fact: { kind: "lease_awaiting_approval", ...facts } } },
      ];
    }
    return [{ guildId: lease.guildId, kind: "compute", notice: { fact: { kind: "lease_offered", ...facts } } }];
  };

export const choose: ComponentHandler = async (i, ctx, [requestId, nodeId]) => {
  const r = Number(requestId);
  const n = Number(nodeId);
  if (!Number.isInteger(r) || !Number.isInteger(n)) throw new UserError("invalid_component", {});
  const { lease, created } = await chooseOffer(ctx.deps.services, ctx.actor, r, n, leaseOffer(ctx, publicT(i, ctx)));
  const t = ctx.t;
  const terms = leaseTerms(t, lease, ctx.deps.services.token);
  const leaseNumber = String(lease.id);
  await i.reply(
    ephemeral({
      content: !created
        ? t.t("compute.choose.already", {
            requestId: String(r),
            leaseId: leaseNumber,
            status: leaseStatusText(t, lease.status),
          })
        : lease.status === "awaiting_approval"
          ? t.t("compute.choose.awaitingApproval", { leaseId: leaseNumber, terms })
          : t.t("compute.choose.asked", {
              leaseId: leaseNumber,
              terms,
              providerId: lease.node.provider.discordId,
              channel: ctx.deps.settings.channels.compute,
            }),
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
  // The message clicked is the public one in the compute channel: it stays in the guild's language.
  const t = publicT(i, ctx);
  if (action === "approve") {
    // The provider is asked with the approval itself, even if this click's answer never reaches Discord.
    const lease = await approveLease(services, ctx.actor, ctx.isModerator, id, leaseOffer(ctx, t));
    await i.update(
      post({
        content: t.t("compute.lease.approved", {
          leaseId: String(lease.id),
          terms: leaseTerms(t, lease, token),
          actorId: ctx.actor.discordId,
        }),
        components: [],
        allowedMentions: noMentions,
      }),
    );
    return;
  }
  const lease = await decideLease(services, ctx.actor, id, action === "accept");
  const requester = lease.request.requester.discordId;
  const who = { leaseId: String(lease.id), actorId: ctx.actor.discordId, requesterId: requester };
  const content =
    lease.status === "active"
      ? t.t("compute.lease.accepted", {
          ...who,
          terms: leaseTerms(t, lease, token),
          from: ts(lease.startsAt ?? new Date()),
          until: ts(lease.endsAt ?? new Date()),
        })
      : t.t("compute.lease.declined", who);
  await i.update(post({ content, components: [], allowedMentions: { parse: [], users: [requester] } }));
};

export const leases: CommandHandler = async (i, ctx) => {
  const rows = await listLeases(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: leasesView(ctx.t, rows, ctx.actor.discordId, ctx.deps.services.token) }));
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
          fact: { kind: "lease_ended_early", leaseId: ended.id, actorId: ctx.actor.discordId, otherId: other },
        },
      },
    ];
  });
  await i.reply(ephemeral({ content: ctx.t.t("compute.end.reply", { leaseId: String(lease.id) }) }));
};
