import { keccak_256 } from "@noble/hashes/sha3";
import { getBytes, keccak256, TypedDataEncoder, toUtf8Bytes } from "ethers";
import { canonicalJson } from "../audit/canonicalJson.ts";
import type { ReportedSpecs } from "./reportedSpecs.ts";

/**
 * The EIP-712 typed data a node agent signs for each heartbeat. The domain binds the deployment: Steward's name
 * and protocol version, and the guild (as the salt, a hash of its id), so a heartbeat signed for one server's node
 * never counts on another's.
 */
export const HEARTBEAT_TYPES = {
  Heartbeat: [
    { name: "node", type: "uint256" },
    { name: "timestamp", type: "uint64" },
    { name: "sequence", type: "uint64" },
    { name: "specs", type: "bytes32" },
    { name: "utilization", type: "uint8" },
  ],
};

export interface HeartbeatDomain {
  name: string;
  version: string;
  salt: string;
}

export function heartbeatDomain(guildId: string): HeartbeatDomain {
  return { name: "Steward Heartbeat", version: "1", salt: keccak256(toUtf8Bytes(`discord-guild:${guildId}`)) };
}

export interface HeartbeatMessage {
  node: number;
  /** Seconds since the epoch, by the node's clock. */
  timestamp: number;
  sequence: number;
  /** keccak256 of the canonical JSON of the reported specs. */
  specs: string;
  /** Percent, 0–100. */
  utilization: number;
}

export const specsHash = (specs: ReportedSpecs) => keccak256(toUtf8Bytes(canonicalJson(specs)));

/** The 32-byte digest the node signs (and Steward recovers the signer from). */
export function heartbeatDigest(domain: HeartbeatDomain, message: HeartbeatMessage): string {
  return TypedDataEncoder.hash(domain, HEARTBEAT_TYPES, message);
}

const TYPE_HASH = getBytes(
  keccak256(toUtf8Bytes("Heartbeat(uint256 node,uint64 timestamp,uint64 sequence,bytes32 specs,uint8 utilization)")),
);
const separators = new Map<string, Uint8Array>();

function word(out: Uint8Array, offset: number, value: bigint) {
  for (let i = 31; i >= 0 && value > 0n; i--) {
    out[offset + i] = Number(value & 0xffn);
    value >>= 8n;
  }
}

/**
 * The same digest as heartbeatDigest, computed on the hot path without re-deriving the types each time: the type
 * hash is a constant, the domain separator is kept per guild, and the struct is ABI-encoded by hand (six words).
 */
export function heartbeatDigestBytes(guildId: string, m: HeartbeatMessage): Uint8Array {
  let separator = separators.get(guildId);
  if (!separator) {
    separator = getBytes(TypedDataEncoder.hashDomain(heartbeatDomain(guildId)));
    separators.set(guildId, separator);
  }
  const struct = new Uint8Array(192);
  struct.set(TYPE_HASH, 0);
  word(struct, 32, BigInt(m.node));
  word(struct, 64, BigInt(m.timestamp));
  word(struct, 96, BigInt(m.sequence));
  struct.set(getBytes(m.specs), 128);
  word(struct, 160, BigInt(m.utilization));
  const message = new Uint8Array(66);
  message[0] = 0x19;
  message[1] = 0x01;
  message.set(separator, 2);
  message.set(keccak_256(struct), 34);
  return keccak_256(message);
}
