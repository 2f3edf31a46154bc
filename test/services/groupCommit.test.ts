import { describe, expect, it } from "vitest";
import { createGroupCommit, enqueue, type ItemOutcome } from "../../src/services/groupCommit.ts";

/** A writer whose batches finish only when the test says so, recording what it was given. */
function gatedWriter() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  let writing = 0;
  let mostAtOnce = 0;
  const write = async (items: number[]): Promise<ItemOutcome<string>[]> => {
    batches.push([...items]);
    writing += 1;
    mostAtOnce = Math.max(mostAtOnce, writing);
    await new Promise<void>((open) => gates.push(open));
    writing -= 1;
    return items.map((n) =>
      n < 0 ? { status: "rejected", reason: new Error(`refused ${n}`) } : { status: "fulfilled", value: `wrote ${n}` },
    );
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    (gates.shift() as () => void)();
  };
  return { write, batches, openNext, mostAtOnce: () => mostAtOnce };
}

describe("group commit", () => {
  it("writes a lone item at once and answers it with its own outcome", async () => {
    const commit = createGroupCommit<number, string>(10);
    const w = gatedWriter();
    const one = enqueue(commit, 1, w.write);
    await w.openNext();
    await expect(one).resolves.toBe("wrote 1");
    expect(w.batches).toEqual([[1]]);
    expect(commit.running).toBe(false);
  });

  it("batches the items that arrive while a batch is written, in arrival order, at most maxBatch at a time", async () => {
    const commit = createGroupCommit<number, string>(3);
    const w = gatedWriter();
    const first = enqueue(commit, 0, w.write);
    const rest = [1, 2, 3, 4, 5, 6, 7].map((n) => enqueue(commit, n, w.write));
    await w.openNext();
    await w.openNext();
    await w.openNext();
    await w.openNext();
    expect(await Promise.all([first, ...rest])).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => `wrote ${n}`));
    expect(w.batches).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it("writes one batch at a time however many callers enqueue", async () => {
    const commit = createGroupCommit<number, string>(2);
    const w = gatedWriter();
    const all = Array.from({ length: 9 }, (_, n) => enqueue(commit, n, w.write));
    for (let k = 0; k < 5; k++) await w.openNext();
    await Promise.all(all);
    expect(w.mostAtOnce()).toBe(1);
    expect(w.batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses only the refused item of a batch", async () => {
    const commit = createGroupCommit<number, string>(10);
    const w = gatedWriter();
    const head = enqueue(commit, 0, w.write);
    const [a, b, c] = [1, -2, 3].map((n) => enqueue(commit, n, w.write));
    await w.openNext();
    await w.openNext();
    await expect(head).resolves.toBe("wrote 0");
    await expect(a).resolves.toBe("wrote 1");
    await expect(b).rejects.toThrow("refused -2");
    await expect(c).resolves.toBe("wrote 3");
  });

  it("fails every item of a batch whose write throws, and goes on with the next batch", async () => {
    const commit = createGroupCommit<number, string>(2);
    const batches: number[][] = [];
    const write = async (items: number[]): Promise<ItemOutcome<string>[]> => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 5));
      if (items.includes(2)) throw new Error("transaction rolled back");
      return items.map((n) => ({ status: "fulfilled", value: `wrote ${n}` }));
    };
    const all = [1, 2, 3, 4].map((n) => enqueue(commit, n, write));
    const settled = await Promise.allSettled(all);
    expect(batches).toEqual([[1], [2, 3], [4]]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error("transaction rolled back"));
    expect(commit.running).toBe(false);
    // The writer is idle again: a later item starts a new batch.
    await expect(enqueue(commit, 5, write)).resolves.toBe("wrote 5");
  });
});
