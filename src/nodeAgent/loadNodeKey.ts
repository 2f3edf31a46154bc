import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { Wallet } from "ethers";

/**
 * The node's signing key: read from `file`, or created there (mode 0600, never overwritten) on first run. The key
 * never leaves the machine; Steward only learns its address, registered with `/node register`.
 */
export function loadNodeKey(file: string): { wallet: Wallet; created: boolean } {
  if (!existsSync(file)) {
    const wallet = Wallet.createRandom();
    writeFileSync(file, `${wallet.privateKey}\n`, { mode: 0o600, flag: "wx" });
    return { wallet: new Wallet(wallet.privateKey), created: true };
  }
  // A key others can read is a key others can sign heartbeats with: tighten it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const text = readFileSync(file, "utf8").trim();
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) {
    throw new Error(`${file} does not hold a node key (0x and 64 hex digits). Give another --key file to create one.`);
  }
  return { wallet: new Wallet(text), created: false };
}
