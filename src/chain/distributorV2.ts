import {
  AbiCoder,
  concat,
  getAddress,
  Interface,
  keccak256,
  type Log,
  type TypedDataDomain,
  TypedDataEncoder,
  type TypedDataField,
  toBeHex,
} from "ethers";
import { loadArtifact } from "./loadArtifact.ts";

/**
 * Pure helpers for StewardDistributorV2 (contracts/StewardDistributorV2.sol): calldata, line ids, the lines' hash,
 * the Claim typed data, and the events and errors of a receipt. No provider, no wiring: callers send and read.
 */

/** The ABI, from the committed artifact (contracts/out/StewardDistributorV2.json). */
export const DISTRIBUTOR_V2_ABI = loadArtifact("StewardDistributorV2").abi;
export const distributorV2Interface = new Interface(DISTRIBUTOR_V2_ABI as never);

/** Gas each line's transfer may use on chain (the contract's LINE_GAS). */
export const LINE_GAS = 100_000n;

const ADDRESS_MASK = (1n << 160n) - 1n;
const MAX_AMOUNT = (1n << 96n) - 1n;

/** One payout word: `amount << 160 | recipient`. Refuses what the contract cannot carry. */
export function packPayout(recipient: string, amount: bigint): bigint {
  if (amount <= 0n || amount > MAX_AMOUNT) throw new RangeError(`amount out of range (1 .. 2^96-1): ${amount}`);
  return (amount << 160n) | BigInt(getAddress(recipient));
}

/** The recipient and amount of a payout word. */
export function unpackPayout(word: bigint): { recipient: string; amount: bigint } {
  return { recipient: getAddress(toBeHex(word & ADDRESS_MASK, 20)), amount: word >> 160n };
}

export interface SettleV2Call {
  batchId: string;
  token: string;
  /** `amount << 160 | recipient` words (see packPayout). */
  payouts: bigint[];
  total: bigint;
}

export function encodeSettle(call: SettleV2Call): string {
  return distributorV2Interface.encodeFunctionData("settle", [call.batchId, call.token, call.payouts, call.total]);
}

/** The id a held line is known by: keccak256(abi.encode(batchId, index)). */
export function lineIdOf(batchId: string, index: number | bigint): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [batchId, index]));
}

/** What `Settled` commits to: keccak256(abi.encodePacked(payouts)), the words as sent, 32 bytes each. */
export function linesHashOf(payouts: readonly bigint[]): string {
  return keccak256(concat(payouts.map((w) => toBeHex(w, 32))));
}

export interface SettledEvent {
  batchId: string;
  token: string;
  count: bigint;
  total: bigint;
  linesHash: string;
  heldCount: bigint;
}

export interface LineHeldEvent {
  lineId: string;
  batchId: string;
  recipient: string;
  index: bigint;
  amount: bigint;
}

type LogLike = Pick<Log, "address" | "topics" | "data">;

/**
 * The distributor's own logs, parsed. Logs from any other address are ignored: a token (or a recipient's hook)
 * runs inside settle and can emit a log shaped exactly like Settled or LineHeld.
 */
function parsed(logs: readonly LogLike[], distributor: string, name: string) {
  const at = getAddress(distributor);
  const out = [];
  for (const log of logs) {
    if (getAddress(log.address) !== at) continue;
    const event = distributorV2Interface.parseLog({ topics: [...log.topics], data: log.data });
    if (event?.name === name) out.push(event);
  }
  return out;
}

/** The Settled event of a receipt's logs (null when the distributor emitted none). */
export function decodeSettled(logs: readonly LogLike[], distributor: string): SettledEvent | null {
  const event = parsed(logs, distributor, "Settled")[0];
  if (!event) return null;
  const [batchId, token, count, total, linesHash, heldCount] = event.args.toArray() as [
    string,
    string,
    bigint,
    bigint,
    string,
    bigint,
  ];
  return { batchId, token, count, total, linesHash, heldCount };
}

/** The LineHeld events of a receipt's logs, in order. */
export function decodeLineHeld(logs: readonly LogLike[], distributor: string): LineHeldEvent[] {
  return parsed(logs, distributor, "LineHeld").map((event) => {
    const [lineId, batchId, recipient, index, amount] = event.args.toArray() as [
      string,
      string,
      string,
      bigint,
      bigint,
    ];
    return { lineId, batchId, recipient, index, amount };
  });
}

/** The EIP-712 domain Claim signatures are made under (the contract's `eip712Domain()` says the same). */
export function claimDomain(chainId: number | bigint, distributor: string): TypedDataDomain {
  return { name: "StewardDistributor", version: "2", chainId, verifyingContract: getAddress(distributor) };
}

export const CLAIM_TYPES: Record<string, TypedDataField[]> = {
  Claim: [
    { name: "lineId", type: "bytes32" },
    { name: "to", type: "address" },
    { name: "deadline", type: "uint256" },
  ],
};

export interface ClaimMessage {
  lineId: string;
  to: string;
  /** Unix seconds; the claim is good while the block's timestamp is at most this. */
  deadline: bigint;
}

/** The digest a held line's recipient signs (what the contract's `claimDigest` returns). */
export function claimDigest(domain: TypedDataDomain, claim: ClaimMessage): string {
  return TypedDataEncoder.hash(domain, CLAIM_TYPES, claim);
}

export function encodeClaim(claim: ClaimMessage, signature: string): string {
  return distributorV2Interface.encodeFunctionData("claim", [claim.lineId, claim.to, claim.deadline, signature]);
}

export function encodeRedirect(lineId: string, to: string): string {
  return distributorV2Interface.encodeFunctionData("redirect", [lineId, to]);
}

export function encodeReturnHeld(lineId: string): string {
  return distributorV2Interface.encodeFunctionData("returnHeld", [lineId]);
}

/** The contract's custom errors by name (OpenZeppelin's included: Ownable, ReentrancyGuard, SafeERC20, ECDSA). */
export const DISTRIBUTOR_V2_ERRORS: readonly string[] = (() => {
  const names: string[] = [];
  distributorV2Interface.forEachError((e) => {
    names.push(e.name);
  });
  return names.sort();
})();

/** A revert's data decoded with the distributor's errors ("PullMismatch", [expected, received]), or null. */
export function decodeDistributorV2Error(data: string | null | undefined): { name: string; args: unknown[] } | null {
  if (typeof data !== "string" || data.length < 10) return null;
  try {
    const error = distributorV2Interface.parseError(data);
    return error ? { name: error.name, args: error.args.toArray() } : null;
  } catch {
    return null;
  }
}
