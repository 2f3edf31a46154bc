import { createWalletChallenge } from "../../services/wallets/createWalletChallenge.ts";
import { getActiveWallet } from "../../services/wallets/getActiveWallet.ts";
import { verifyWalletSignature } from "../../services/wallets/verifyWalletSignature.ts";
import { ephemeral } from "../reply.ts";
import { walletChallengeView, walletLinkedView, walletShowView } from "../views/walletViews.ts";
import type { CommandHandler } from "./types.ts";

export const link: CommandHandler = async (i, ctx) => {
  const challenge = await createWalletChallenge(ctx.deps.services, ctx.actor, i.options.getString("address", true));
  await i.reply(ephemeral({ content: walletChallengeView(challenge) }));
};

export const verify: CommandHandler = async (i, ctx) => {
  const { wallet, previousAddress } = await verifyWalletSignature(
    ctx.deps.services,
    ctx.actor,
    i.options.getString("signature", true),
  );
  await i.reply(ephemeral({ content: walletLinkedView(wallet.address, previousAddress) }));
};

export const show: CommandHandler = async (i, ctx) => {
  const wallet = await getActiveWallet(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId);
  await i.reply(ephemeral(walletShowView(wallet)));
};
