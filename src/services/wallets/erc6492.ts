/** ERC-6492's magic suffix: a signature ending with it wraps an account's signature with the call that deploys it. */
export const ERC6492_SUFFIX = "6492".repeat(16);

/** The suffix ends in 0x92, never a valid `v`: a wrapped signature is told apart without asking the chain. */
export const isErc6492Signature = (signature: string) =>
  signature.length >= 2 + 64 && signature.slice(-64).toLowerCase() === ERC6492_SUFFIX;
