/** English: the source every other catalog translates. Keys start with "wallet.". */
export const wallet = {
  // `/wallet link`: the words around the Sign-In with Ethereum message (the message itself is signed, never translated).
  "wallet.challenge.sign":
    "To link **{address}**, sign the message below with that wallet, then run `/wallet verify signature:<the signature>`. The request expires {expires}.",
  "wallet.challenge.howWithContracts":
    "It is a Sign-In with Ethereum message (EIP-4361): a wallet signs it with `personal_sign` (EIP-191), for free, and sends no transaction. A Safe or another contract wallet signs it as the wallet (EIP-1271, checked on chain {chainId}); a smart account not deployed yet signs with ERC-6492.",
  "wallet.challenge.howWithoutContracts":
    "It is a Sign-In with Ethereum message (EIP-4361): a wallet signs it with `personal_sign` (EIP-191), for free, and sends no transaction. Contract wallets (Safes, smart accounts) cannot link here: this Steward is not connected to a chain.",
  // `/wallet verify`.
  "wallet.linked.first": "Wallet **{address}** is now linked. Your rewards will be paid to it.{how}",
  "wallet.linked.again": "Wallet **{address}** is linked (verified again).{how}",
  "wallet.linked.replaced":
    "Wallet **{address}** is now linked and replaces **{previous}**. Your rewards will be paid to the new address.{how}",
  "wallet.linked.smartAccount": " It is a smart account (ERC-6492): its signature was checked on chain {chainId}.",
  "wallet.linked.contractWallet": " It is a contract wallet (EIP-1271): its signature was checked on chain {chainId}.",
  "wallet.verify.modalTitle": "Finish linking your wallet",
  "wallet.verify.signature.inputLabel": "Signature (0x…)",
  "wallet.verify.message.inputLabel": "The message you signed (optional)",
  // `/wallet show`.
  "wallet.show.none": "You have not linked a wallet yet. Use `/wallet link address:<your address>` to start.",
  "wallet.show.embedTitle": "Your wallet",
  "wallet.show.address.fieldName": "Address",
  "wallet.show.linked.fieldName": "Linked",
  "wallet.show.balance.fieldName": "Balance",
  "wallet.show.balanceUnavailable": "unavailable: the chain did not answer",
} as const;
