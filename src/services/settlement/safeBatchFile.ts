/**
 * A Safe Transaction Builder batch (the `BatchFile` its "Import" reads): version "1.0", the chain id as a string,
 * `meta` naming the Safe it was made for, and the calls in order. Ethereum-only calls, no value.
 */
export function safeBatchFile(options: {
  chainId: number;
  safe: string;
  name: string;
  description: string;
  createdAt: Date;
  transactions: { to: string; value: string; data: string }[];
}) {
  return {
    version: "1.0",
    chainId: String(options.chainId),
    createdAt: options.createdAt.getTime(),
    meta: {
      name: options.name,
      description: options.description,
      txBuilderVersion: "1.16.5",
      createdFromSafeAddress: options.safe,
      createdFromOwnerAddress: "",
    },
    transactions: options.transactions.map((t) => ({
      to: t.to,
      value: t.value,
      data: t.data,
      contractMethod: null,
      contractInputsValues: null,
    })),
  };
}
