import { createWalletChallenge } from "../../services/wallets/createWalletChallenge.ts";
import { getActiveWallet } from "../../services/wallets/getActiveWallet.ts";
import { verifyWalletSignature } from "../../services/wallets/verifyWalletSignature.ts";
import { ephemeral } from "../reply.ts";
import { formatTokens } from "../views/evaluationViews.ts";
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
  const chain = ctx.deps.services.settlement?.chain;
  const token = { symbol: ctx.deps.config.TOKEN_SYMBOL, decimals: ctx.deps.config.TOKEN_DECIMALS };
  // The token balance when a chain is configured; a chain that does not answer does not hide the wallet.
  const balance =
    wallet && chain
      ? await chain.tokenBalance(wallet.address).then(
          (units) => ({ text: formatTokens(units, token) }),
          () => ({ unavailable: "the chain did not answer" }),
        )
      : undefined;
  await i.reply(ephemeral(walletShowView(wallet, balance)));
};
