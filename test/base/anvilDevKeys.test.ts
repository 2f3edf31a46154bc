import { HDNodeWallet, Mnemonic } from "ethers";
import { describe, expect, it } from "vitest";
import { ANVIL_DEV_KEYS } from "../../src/base/anvilDevKeys.ts";
import { ANVIL_KEY_0 } from "../../src/chain/startAnvil.ts";

describe("Anvil's development keys", () => {
  it("are exactly accounts 0-9 of the test … junk mnemonic, with their addresses", () => {
    const mnemonic = Mnemonic.fromPhrase("test test test test test test test test test test test junk");
    const derived = Array.from({ length: 10 }, (_, i) => {
      const w = HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`);
      return [w.privateKey, w.address];
    });
    expect([...ANVIL_DEV_KEYS.entries()]).toEqual(derived);
    expect(ANVIL_DEV_KEYS.has(ANVIL_KEY_0)).toBe(true);
  });
});
