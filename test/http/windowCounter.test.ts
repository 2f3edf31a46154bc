import { describe, expect, it } from "vitest";
import { WindowCounter } from "../../src/http/windowCounter.ts";

describe("WindowCounter", () => {
  it("allows max events per key and window, gives back a refund, and starts over when the window passes", () => {
    let now = 0;
    const c = new WindowCounter(2, 1_000, () => now);
    expect([c.take("a"), c.take("a"), c.take("a")]).toEqual([true, true, false]);
    expect(c.exhausted("a")).toBe(true);
    expect(c.take("b")).toBe(true);
    c.refund("a");
    expect(c.take("a")).toBe(true);
    expect(c.retryAfterSeconds("a")).toBe(1);
    now = 1_000;
    expect(c.exhausted("a")).toBe(false);
    expect(c.take("a")).toBe(true);
    c.add("a");
    c.add("a");
    expect(c.exhausted("a")).toBe(true);
  });

  it("keeps at most maxKeys keys: passed windows go first, then the oldest", () => {
    let now = 0;
    const c = new WindowCounter(1, 1_000, () => now, 3);
    c.add("old");
    now = 500;
    c.add("x");
    c.add("y");
    now = 1_200;
    // "old" has passed: dropped to make room; the others stay.
    c.add("z");
    expect(c.exhausted("x") && c.exhausted("y") && c.exhausted("z")).toBe(true);
    // Full of live windows: the oldest ("x") goes.
    c.add("w");
    expect(c.exhausted("x")).toBe(false);
    expect(c.exhausted("w")).toBe(true);
  });
});
