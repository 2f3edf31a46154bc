import { Wallet } from "ethers";
import { finalResponse, type SandboxClient } from "./sandboxClient.ts";

/** Links a fresh wallet for `user` through Discord, as a member would: /wallet link, sign, /wallet verify. */
export async function linkWallet(client: SandboxClient, user: string, wallet = Wallet.createRandom()) {
  const reply = finalResponse(await client.run(user, "wallet link", { address: wallet.address }));
  const message = /```\n([\s\S]*?)\n```/.exec(reply.content)?.[1];
  if (!message) throw new Error(`no message to sign in: ${reply.content}`);
  const verified = finalResponse(
    await client.run(user, "wallet verify", { signature: await wallet.signMessage(message) }),
  );
  if (!/is now linked/.test(verified.content)) throw new Error(`wallet not linked: ${verified.content}`);
  return wallet;
}
