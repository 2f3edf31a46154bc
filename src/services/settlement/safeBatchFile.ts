import { keccak256, toUtf8Bytes } from "ethers";
import type { SafeCall } from "./settlementChain.ts";

/**
 * A Safe Transaction Builder batch (the `BatchFile` its "Import" reads): version "1.0", the chain id as a string,
 * `meta` naming the Safe it was made for and carrying the builder's checksum, and the calls in order, each with its
 * method and arguments so that signers see them decoded. No value is ever sent.
 */
export function safeBatchFile(options: {
  chainId: number;
  safe: string;
  name: string;
  description: string;
  createdAt: Date;
  transactions: SafeCall[];
}) {
  const file = {
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
      contractMethod: { inputs: t.method.inputs, name: t.method.name, payable: false },
      contractInputsValues: t.values,
    })),
  };
  return { ...file, meta: { ...file.meta, checksum: builderChecksum(file) } };
}

/**
 * The Transaction Builder's checksum of a batch (safe-react-apps, tx-builder/src/lib/checksum.ts): keccak256 of
 * its own serialisation of the file with `meta.name` set to null, keys sorted; it warns on import when the file was
 * changed after it was made.
 */
export function builderChecksum(file: Record<string, unknown> & { meta: Record<string, unknown> }): string {
  return keccak256(toUtf8Bytes(serialize({ ...file, meta: { ...file.meta, name: null } })));
}

function serialize(json: unknown): string {
  const text = (v: unknown) => JSON.stringify(v, (_k, value) => (value === undefined ? null : value));
  if (Array.isArray(json)) return `[${json.map((el) => serialize(el)).join(",")}]`;
  if (typeof json === "object" && json !== null) {
    const keys = Object.keys(json).sort();
    let out = `{${text(keys)}`;
    for (const k of keys) out += `${serialize((json as Record<string, unknown>)[k])},`;
    return `${out}}`;
  }
  return text(json);
}
