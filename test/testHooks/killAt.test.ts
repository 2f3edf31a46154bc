import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config.ts";
import { crashTestCheckpoint, killSwitch } from "../../src/testHooks/killAt.ts";

describe("the crash-test hook STEWARD_KILL_AT", () => {
  it("is not a setting of the production configuration", () => {
    expect(Object.keys(configSchema.shape)).not.toContain("STEWARD_KILL_AT");
  });

  it("is read from the environment where the settlement checkpoint is built", () => {
    expect(() => crashTestCheckpoint({ STEWARD_KILL_AT: "not a step!" })).toThrow(/STEWARD_KILL_AT/);
    expect(() => crashTestCheckpoint({})("after-save-signed", 1)).not.toThrow();
  });

  it("kills on the n-th pass of the step, of the given proposal only", () => {
    let kills = 0;
    const checkpoint = killSwitch("after-save-signed:2@7", () => kills++);
    checkpoint("after-save-signed", 3);
    checkpoint("after-save-signed", 7);
    expect(kills).toBe(0);
    checkpoint("after-save-signed", 7);
    expect(kills).toBe(1);
  });
});
