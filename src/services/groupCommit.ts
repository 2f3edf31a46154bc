/** An item's own outcome in its batch: one item refused does not refuse the others. */
export type ItemOutcome<R> = PromiseSettledResult<R>;

/** Writes a batch (in one transaction) and answers each item in order; a throw fails the whole batch. */
export type WriteBatch<T, R> = (items: T[]) => Promise<ItemOutcome<R>[]>;

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items arriving while a batch is being written wait for the next batch, so a burst costs a few
 * transactions instead of one per item, and a lone item is written at once. Each caller gets a promise of its own
 * item's outcome, settled only once its batch has committed (or failed).
 */
export interface GroupCommit<T, R> {
  queue: Pending<T, R>[];
  running: boolean;
  maxBatch: number;
}

export function createGroupCommit<T, R>(maxBatch: number): GroupCommit<T, R> {
  return { queue: [], running: false, maxBatch };
}

/**
 * Queues `item`; when no batch is running, this call starts writing with `write` until the queue is empty (the
 * callers share one writer, so `write` is that of the call that found it idle).
 */
export function enqueue<T, R>(commit: GroupCommit<T, R>, item: T, write: WriteBatch<T, R>): Promise<R> {
  const done = new Promise<R>((resolve, reject) => commit.queue.push({ item, resolve, reject }));
  if (!commit.running) {
    commit.running = true;
    void drain(commit, write);
  }
  return done;
}

async function drain<T, R>(commit: GroupCommit<T, R>, write: WriteBatch<T, R>): Promise<void> {
  while (commit.queue.length > 0) {
    const batch = commit.queue.splice(0, commit.maxBatch);
    try {
      const outcomes = await write(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        const o = outcomes[i];
        if (o === undefined) p.reject(new Error(`group commit: no outcome for item ${i} of ${batch.length}`));
        else if (o.status === "fulfilled") p.resolve(o.value);
        else p.reject(o.reason);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
  commit.running = false;
}
