import { createWalletChallenge } from "../../services/wallets/createWalletChallenge.ts";
import { getActiveWallet } from "../../services/wallets/getActiveWallet.ts";
import { verifyWalletSignature } from "../../services/wallets/verifyWalletSignature.ts";
import { withTimeout } from "../../services/withTimeout.ts";
import type { HandlerContext } from "../context.ts";
import { ephemeral, replyWhenReady } from "../reply.ts";
import { tokenAmountIn } from "../views/tokenAmountIn.ts";
import { walletChallengeView, walletLinkedView, walletShowView, walletVerifyForm } from "../views/walletViews.ts";
import type { CommandHandler, ModalHandler } from "./types.ts";

export const link: CommandHandler = async (i, ctx) => {
  const address = i.options.getString("address", true);
  const challenge = await createWalletChallenge(ctx.deps.services, ctx.actor, address, i.guild?.name);
  const { chainId, chain } = ctx.deps.services.wallets;
  await i.reply(
    ephemeral({ content: walletChallengeView(ctx.t, challenge, { chainId, contractWallets: Boolean(chain) }) }),
  );
};

export const verify: CommandHandler = async (i, ctx) => {
  const signature = i.options.getString("signature");
  if (signature === null) {
    await i.showModal(walletVerifyForm(ctx.t));
    return;
  }
  // A contract wallet is asked on the chain, which may take longer than Discord's 3 seconds: deferred if so.
  await replyWhenReady(i, verified(ctx, signature));
};

/** The form of `/wallet verify`: the signature and, when given, the message that was signed. */
export const verifyForm: ModalHandler = async (i, ctx) => {
  const message = i.fields.getTextInputValue("message");
  await replyWhenReady(
    i,
    verified(ctx, i.fields.getTextInputValue("signature"), message.trim() === "" ? undefined : message),
  );
};

async function verified(ctx: HandlerContext, signature: string, message?: string) {
  const linked = await verifyWalletSignature(ctx.deps.services, ctx.actor, signature, message);
  return { content: walletLinkedView(ctx.t, linked.wallet.address, linked.previousAddress, linked) };
}

/** A balance is a courtesy on `/wallet show`: a chain slower than this is shown as not answering. */
const BALANCE_TIMEOUT_MS = 5_000;

export const show: CommandHandler = async (i, ctx) => {
  const wallet = await getActiveWallet(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId);
  const chain = ctx.deps.services.settlement?.chain;
  const token = ctx.deps.services.token;
  // The token balance when a chain is configured; a chain that does not answer does not hide the wallet.
  const balance =
    wallet && chain
      ? await withTimeout(chain.tokenBalance(wallet.address), BALANCE_TIMEOUT_MS, "the chain").then(
          (units) => tokenAmountIn(ctx.t, units, token),
          () => null,
        )
      : undefined;
  await i.reply(ephemeral(walletShowView(ctx.t, wallet, balance)));
};
