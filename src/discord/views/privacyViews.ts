import type { PrivacyView } from "../../services/members/privacySettings.ts";
import { userLine } from "./userText.ts";

/** What the public transparency page, `/audit trace` and Steward's public Discord posts show about the member. */
export function privacyView(v: PrivacyView, change?: string): string {
  return [
    ...(change ? [change, ""] : []),
    "**On the public transparency page, in traces and in Steward's Discord posts (proposals in #governance) you appear as:**",
    `Name: **${userLine(v.publicName, 64)}**${v.showName ? " (your user name: `/privacy show-name value:off` hides it)" : " (a pseudonym: `/privacy show-name value:on` shows your user name)"}`,
    `Wallet: ${v.publicWallet ? `\`${v.publicWallet}\`` : "none linked"}${v.publicWallet ? (v.showWallet ? " (in full: `/privacy show-wallet value:off` shortens it)" : " (shortened: `/privacy show-wallet value:on` shows it in full)") : ""}`,
    "Your Discord id is never shown on the page. In Discord, posts mention you by your Discord name, so a wallet shown next to a contribution of yours follows the wallet setting above: shortened unless you show it in full.",
  ].join("\n");
}
