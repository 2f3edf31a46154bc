import { type Contract, ContractFactory, JsonRpcProvider, parseUnits, Wallet } from "ethers";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";

/** Anvil with the VoteToken deployed; `mint` gives whole tokens to an address. */
export async function startChainWithToken(): Promise<
  LocalChain & { token: string; mint(to: string, tokens: string): Promise<void>; blockNumber(): Promise<number> }
> {
  const chain = await startAnvil();
  // cacheTimeout -1: Anvil mines instantly, and ethers' request cache would hand out a stale nonce.
  const provider = new JsonRpcProvider(chain.rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
  const signer = new Wallet(chain.deployerKey, provider);
  const VoteToken = loadArtifact("VoteToken");
  const token = (await new ContractFactory(VoteToken.abi as never, VoteToken.bytecode, signer).deploy(
    "Steward Vote",
    "VOTE",
  )) as Contract;
  await token.waitForDeployment();
  return {
    ...chain,
    token: await token.getAddress(),
    async mint(to, tokens) {
      const tx = await token.getFunction("mint")(to, parseUnits(tokens, 18));
      await tx.wait();
    },
    blockNumber: () => provider.getBlockNumber(),
    async stop() {
      provider.destroy();
      await chain.stop();
    },
  };
}
