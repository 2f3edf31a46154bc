import type { Translator } from "../../i18n/translator.ts";
import type { PrivacyView } from "../../services/members/privacySettings.ts";
import { userLine } from "./userText.ts";

/** What the public transparency page, `/audit trace` and Steward's public Discord posts show about the member. */
export function privacyView(t: Translator, v: PrivacyView, change?: string): string {
  const name = userLine(v.publicName, 64);
  const wallet = v.publicWallet;
  return [
    ...(change ? [change, ""] : []),
    t.t("privacy.heading"),
    t.t(v.showName ? "privacy.name.shown" : "privacy.name.pseudonym", { name }),
    wallet
      ? t.t(v.showWallet ? "privacy.wallet.full" : "privacy.wallet.short", { wallet })
      : t.t("privacy.wallet.none"),
    t.t("privacy.discord"),
  ].join("\n");
}
