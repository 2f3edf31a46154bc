import {
  AbiCoder,
  type BaseContract,
  type BaseWallet,
  type Contract,
  ContractFactory,
  concat,
  getBytes,
  hashMessage,
  JsonRpcProvider,
  Signature,
  TypedDataEncoder,
  toBeHex,
  Wallet,
} from "ethers";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { ERC6492_SUFFIX } from "../../src/services/wallets/erc6492.ts";

/** Anvil's second default account: a local test key only (the first is Steward's treasury on its local chain). */
export const DEPLOYER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

/** Deploys the test contract wallets of contracts/test/ on a local chain (Anvil) from DEPLOYER_KEY. */
export function contractWallets(rpcUrl: string, chainId = 31337) {
  // cacheTimeout -1: Anvil mines instantly, and ethers' request cache would hand out a stale nonce.
  const provider = new JsonRpcProvider(rpcUrl, chainId, { cacheTimeout: -1, staticNetwork: true, pollingInterval: 50 });
  const deployer = new Wallet(DEPLOYER_KEY, provider);
  const deploy = async (name: string, args: unknown[]) => {
    const a = loadArtifact(name);
    const c = (await new ContractFactory(a.abi as never, a.bytecode, deployer).deploy(...args)) as BaseContract;
    await c.waitForDeployment();
    return c as Contract;
  };
  return {
    provider,
    /** A Safe-style wallet: `threshold` of `owners` sign each message (see TestSafeWallet.sol). */
    async safe(owners: BaseWallet[], threshold: number) {
      const safe = await deploy("TestSafeWallet", [owners.map((o) => o.address), threshold]);
      return safe.getAddress();
    },
    async factory() {
      return deploy("TestAccountFactory", []);
    },
    code: (address: string) => provider.getCode(address),
    destroy: () => provider.destroy(),
  };
}

/**
 * A Safe's owners signing `message` as Safe{Wallet} does for EIP-1271: each signs the SafeMessage (EIP-712, domain
 * chain id + the Safe) wrapping the message's EIP-191 hash; the signatures are joined in ascending owner order.
 * `ethSign`: sign that digest with personal_sign instead, which a Safe marks with v + 4.
 */
export async function safeSignature(
  safe: string,
  owners: BaseWallet[],
  message: string,
  options: { chainId?: number; ethSign?: boolean } = {},
): Promise<string> {
  const domain = { chainId: options.chainId ?? 31337, verifyingContract: safe };
  const types = { SafeMessage: [{ name: "message", type: "bytes" }] };
  const value = { message: hashMessage(message) };
  const sorted = [...owners].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  const parts: string[] = [];
  for (const owner of sorted) {
    if (options.ethSign) {
      const sig = Signature.from(await owner.signMessage(getBytes(TypedDataEncoder.hash(domain, types, value))));
      parts.push(concat([sig.r, sig.s, toBeHex(sig.v + 4, 1)]));
    } else {
      parts.push(await owner.signTypedData(domain, types, value));
    }
  }
  return concat(parts);
}

/** ERC-6492: `signature` wrapped with the factory call that deploys the account. */
export function wrap6492(factory: string, factoryCalldata: string, signature: string): string {
  const body = AbiCoder.defaultAbiCoder().encode(["address", "bytes", "bytes"], [factory, factoryCalldata, signature]);
  return concat([body, `0x${ERC6492_SUFFIX}`]);
}
