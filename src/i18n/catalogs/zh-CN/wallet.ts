import type { CatalogOf } from "../catalogOf.ts";
import type { wallet as source } from "../en/wallet.ts";

export const wallet = {
  "wallet.challenge.sign":
    "要绑定**{address}**，请用该钱包签署下面的消息，然后运行`/wallet verify signature:<签名>`。此请求将于{expires}过期。",
  "wallet.challenge.howWithContracts":
    "这是一条“以太坊登录”消息（Sign-In with Ethereum，EIP-4361）：钱包用`personal_sign`（EIP-191）签署它，免费，且不会发送任何交易。Safe或其他合约钱包以钱包本身的身份签署（EIP-1271，在链{chainId}上验证）；尚未部署的智能账户用ERC-6492签署。下面的消息保持英文原文：它就是要签署并验证的内容。",
  "wallet.challenge.howWithoutContracts":
    "这是一条“以太坊登录”消息（Sign-In with Ethereum，EIP-4361）：钱包用`personal_sign`（EIP-191）签署它，免费，且不会发送任何交易。合约钱包（Safe、智能账户）无法在这里绑定：这个Steward没有连接区块链。下面的消息保持英文原文：它就是要签署并验证的内容。",
  "wallet.linked.first": "钱包**{address}**已绑定。你的奖励将支付到这个地址。{how}",
  "wallet.linked.again": "钱包**{address}**已绑定（已重新验证）。{how}",
  "wallet.linked.replaced": "钱包**{address}**已绑定，取代了**{previous}**。你的奖励将支付到新地址。{how}",
  "wallet.linked.smartAccount": "这是一个智能账户（ERC-6492）：其签名已在链{chainId}上验证。",
  "wallet.linked.contractWallet": "这是一个合约钱包（EIP-1271）：其签名已在链{chainId}上验证。",
  "wallet.verify.modalTitle": "完成钱包绑定",
  "wallet.verify.signature.inputLabel": "签名（0x…）",
  "wallet.verify.message.inputLabel": "你签署的消息（可选）",
  "wallet.show.none": "你还没有绑定钱包。使用`/wallet link address:<你的地址>`开始绑定。",
  "wallet.show.embedTitle": "你的钱包",
  "wallet.show.address.fieldName": "地址",
  "wallet.show.linked.fieldName": "绑定时间",
  "wallet.show.balance.fieldName": "余额",
  "wallet.show.balanceUnavailable": "无法获取：区块链没有响应",
} as const satisfies CatalogOf<typeof source>;
