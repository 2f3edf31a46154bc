import type { CatalogOf } from "../catalogOf.ts";
import type { privacy as source } from "../en/privacy.ts";

export const privacy = {
  "privacy.heading": "**在公开透明度页面、追溯记录以及Steward的Discord帖子（#governance中的提案）里，你显示为：**",
  "privacy.name.shown": "名称：**{name}**（你的用户名：`/privacy show-name value:off`可隐藏）",
  "privacy.name.pseudonym": "名称：**{name}**（化名：`/privacy show-name value:on`可显示你的用户名）",
  "privacy.wallet.none": "钱包：未绑定",
  "privacy.wallet.full": "钱包：`{wallet}`（完整显示：`/privacy show-wallet value:off`可缩略显示）",
  "privacy.wallet.short": "钱包：`{wallet}`（缩略显示：`/privacy show-wallet value:on`可完整显示）",
  "privacy.discord":
    "你的Discord ID永远不会显示在页面上。在Discord中，帖子用你的Discord名称提及你，因此显示在你的贡献旁边的钱包遵循上面的钱包设置：除非你选择完整显示，否则会缩略显示。",
  "privacy.changed.nameShown": "你的用户名现在会公开显示。",
  "privacy.changed.nameHidden": "你的用户名已重新隐藏。",
  "privacy.changed.walletFull": "你的钱包地址现在会完整公开显示。",
  "privacy.changed.walletShort": "你的钱包地址已恢复缩略显示。",
} as const satisfies CatalogOf<typeof source>;
