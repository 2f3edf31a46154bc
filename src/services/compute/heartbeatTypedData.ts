import { keccak256, TypedDataEncoder, toUtf8Bytes } from "ethers";
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
