/** English: the source every other catalog translates. Keys start with "privacy.". */
export const privacy = {
  "privacy.heading":
    "**On the public transparency page, in traces and in Steward's Discord posts (proposals in #governance) you appear as:**",
  "privacy.name.shown": "Name: **{name}** (your user name: `/privacy show-name value:off` hides it)",
  "privacy.name.pseudonym": "Name: **{name}** (a pseudonym: `/privacy show-name value:on` shows your user name)",
  "privacy.wallet.none": "Wallet: none linked",
  "privacy.wallet.full": "Wallet: `{wallet}` (in full: `/privacy show-wallet value:off` shortens it)",
  "privacy.wallet.short": "Wallet: `{wallet}` (shortened: `/privacy show-wallet value:on` shows it in full)",
  "privacy.discord":
    "Your Discord id is never shown on the page. In Discord, posts mention you by your Discord name, so a wallet shown next to a contribution of yours follows the wallet setting above: shortened unless you show it in full.",
  "privacy.changed.nameShown": "Your user name is now shown publicly.",
  "privacy.changed.nameHidden": "Your user name is hidden again.",
  "privacy.changed.walletFull": "Your wallet address is now shown in full publicly.",
  "privacy.changed.walletShort": "Your wallet address is shortened again.",
} as const;
