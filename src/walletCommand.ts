import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Wallet } from "ethers";
import type { Config } from "./config.ts";
import { createContainer } from "./container.ts";
import type { Logger } from "./logger.ts";
import { findPendingChallenge } from "./services/wallets/findPendingChallenge.ts";

const usage =
  "Usage: steward wallet new [--out <file>]    create a wallet key (mode 0600; default STEWARD_DATA_DIR/wallets/<address>.key)\n" +
  "       steward wallet sign --key <file>     sign the pending /wallet link request of that key's address\n";

/**
 * `steward wallet new | sign`: a wallet for trying Steward out without another tool. `sign` reads the message of the
 * pending link request from Steward's database, so nothing has to be copied exactly; it prints the signature alone
 * on stdout. For real funds, use a wallet app.
 */
export async function walletCommand(config: Config, logger: Logger, args: string[], out: (line: string) => void) {
  const [sub, ...rest] = args;
  const flags = new Map<string, string>();
  for (let n = 0; n < rest.length; n += 2) {
    const [flag, value] = [rest[n], rest[n + 1]];
    const allowed = sub === "new" ? ["--out"] : ["--key"];
    if (!flag || !allowed.includes(flag) || value === undefined) {
      process.stderr.write(usage);
      return 2;
    }
    flags.set(flag, value);
  }
  if (sub === "new") {
    const wallet = Wallet.createRandom();
    const file = flags.get("--out") ?? join(config.STEWARD_DATA_DIR, "wallets", `${wallet.address}.key`);
    if (existsSync(file)) {
      process.stderr.write(`${file} already exists: nothing was written (give another --out).\n`);
      return 1;
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${wallet.privateKey}\n`, { mode: 0o600, flag: "wx" });
    out(`Created a wallet key in ${file}; its address: ${wallet.address}`);
    out(
      `Link it: /wallet link address:${wallet.address}, then sign with: npm run steward -- wallet sign --key ${file}`,
    );
    return 0;
  }
  const keyFile = flags.get("--key");
  if (sub !== "sign" || !keyFile) {
    process.stderr.write(usage);
    return 2;
  }
  const wallet = readWalletKey(keyFile);
  if (typeof wallet === "string") {
    process.stderr.write(`${wallet}\n`);
    return 2;
  }
  const container = await createContainer(config, logger, { role: "wallet sign" });
  try {
    const pending = await findPendingChallenge(container.services, wallet.address);
    if (!pending) {
      process.stderr.write(
        `No link request for ${wallet.address} waits to be signed here: run /wallet link address:${wallet.address} first (a request expires after WALLET_CHALLENGE_TTL).\n`,
      );
      return 1;
    }
    process.stderr.write(
      `Signed the link request of ${pending.issuedAt.toISOString()} (expires ${pending.expiresAt.toISOString()}); paste: /wallet verify signature:<the line below>\n`,
    );
    out(await wallet.signMessage(pending.message));
    return 0;
  } finally {
    await container.close();
  }
}

function readWalletKey(file: string): Wallet | string {
  if (!existsSync(file)) return `${file} does not exist: create a key with steward wallet new.`;
  // A key others can read is a key others can sign with: tighten it, as the node agent does.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const text = readFileSync(file, "utf8").trim();
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) return `${file} does not hold a private key (0x and 64 hex digits).`;
  return new Wallet(text);
}
