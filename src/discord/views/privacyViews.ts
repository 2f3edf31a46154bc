import type { PrivacyView } from "../../services/members/privacySettings.ts";

/** What the public transparency page and `/audit trace` show about the member, and how to change it. */
export function privacyView(v: PrivacyView, change?: string): string {
  return [
    ...(change ? [change, ""] : []),
    "**On the public transparency page and in traces you appear as:**",
    `Name: **${v.publicName}**${v.showName ? " (your user name: `/privacy show-name value:off` hides it)" : " (a pseudonym: `/privacy show-name value:on` shows your user name)"}`,
    `Wallet: ${v.publicWallet ? `\`${v.publicWallet}\`` : "none linked"}${v.publicWallet ? (v.showWallet ? " (in full: `/privacy show-wallet value:off` shortens it)" : " (shortened: `/privacy show-wallet value:on` shows it in full)") : ""}`,
    "Your Discord id is never shown there.",
  ].join("\n");
}
