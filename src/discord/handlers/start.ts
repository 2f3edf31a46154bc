import { MessageFlags } from "discord.js";
import { mentorStep } from "../../services/mentorship/mentorshipOverview.ts";
import { newcomerStatus } from "../../services/onboarding/newcomerStatus.ts";
import { createWalletChallenge } from "../../services/wallets/createWalletChallenge.ts";
import { matchRole } from "../configuredRoles.ts";
import { edit, ephemeral } from "../reply.ts";
import { contributionFormModal } from "../views/contributionViews.ts";
import { startGuide, startWalletForm, votingGuide } from "../views/startViews.ts";
import { walletChallengeView } from "../views/walletViews.ts";
import { askForMentor } from "./mentor.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./types.ts";

/** `/start`: the newcomer's guide, in their language, with a control for each step. */
export const start: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const status = await newcomerStatus(ctx.deps.services, ctx.actor);
  const guild = i.guild?.name ?? ctx.actor.guildId;
  const mentoring =
    i.guild && matchRole(i.guild, ctx.deps.services.mentorship.role).id
      ? await mentorStep(ctx.deps.services, ctx.actor)
      : null;
  await i.editReply(
    startGuide(ctx.t, status, { guild, transparencyUrl: ctx.deps.httpUrl ? `${ctx.deps.httpUrl}/` : null }, mentoring),
  );
};

/** The guide's controls: the kind of work opens the contribution form, the buttons the wallet form and the rules. */
export const startControl: ComponentHandler = async (i, ctx, [action]) => {
  if (action === "contribute" && i.isStringSelectMenu()) {
    const category = i.values[0] ?? "other";
    await i.showModal(contributionFormModal(ctx.t, { title: "", category, hours: undefined, links: [] }));
    return;
  }
  if (action === "mentor") {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await i.editReply(edit({ content: await askForMentor(ctx, i.guild, null) }));
    return;
  }
  if (action === "wallet") {
    await i.showModal(startWalletForm(ctx.t));
    return;
  }
  const status = await newcomerStatus(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: votingGuide(ctx.t, status.voting) }));
};

/** The guide's wallet form: the same challenge as `/wallet link address:…`. */
export const startWallet: ModalHandler = async (i, ctx) => {
  const address = i.fields.getTextInputValue("address").trim();
  const challenge = await createWalletChallenge(ctx.deps.services, ctx.actor, address, i.guild?.name);
  const { chainId, chain } = ctx.deps.services.wallets;
  await i.reply(
    ephemeral({ content: walletChallengeView(ctx.t, challenge, { chainId, contractWallets: Boolean(chain) }) }),
  );
};
