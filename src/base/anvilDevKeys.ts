/**
 * The private keys of Anvil's (and Hardhat's) default accounts 0–9, from the mnemonic "test test test test test test
 * test test test test test junk" at m/44'/60'/0'/0/i, with their addresses. They are printed by every local node and
 * published in countless tutorials: whatever such a key holds on a real chain is swept by bots within seconds. Listed
 * literally (checked against the mnemonic by a test) so that the check costs nothing at boot.
 */
export const ANVIL_DEV_KEYS: ReadonlyMap<string, string> = new Map([
  ["0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"],
  ["0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
  ["0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"],
  ["0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"],
  ["0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a", "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"],
  ["0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"],
  ["0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e", "0x976EA74026E726554dB657fA54763abd0C3a0aa9"],
  ["0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955"],
  ["0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97", "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f"],
  ["0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6", "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"],
]);

/** Anvil's own chain id: the only chain where its development keys are expected. */
export const ANVIL_CHAIN_ID = 31337;

/**
 * Why `key` may not be the treasury on `chainId`, or null. The refusal names the account's address (public), never
 * the key. An unknown chain id (no CHAIN_ID: Steward's own local chain) is not refused here.
 */
export function anvilDevKeyProblem(key: string | undefined, chainId: number | undefined): string | null {
  if (key === undefined || chainId === undefined || chainId === ANVIL_CHAIN_ID) return null;
  const index = [...ANVIL_DEV_KEYS.keys()].indexOf(key.trim().toLowerCase());
  if (index < 0) return null;
  const address = [...ANVIL_DEV_KEYS.values()][index];
  return `TREASURY_PRIVATE_KEY: is Anvil's public development key of account #${index} (${address}, from the "test test … junk" mnemonic every local node prints); on chain ${chainId} anyone can take what it holds. Use a key of your own (Anvil's keys are accepted only with CHAIN_ID=${ANVIL_CHAIN_ID}).`;
}
