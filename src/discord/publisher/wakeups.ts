/** The lanes' pauses between looks at the outbox, cut short by `wake` (a post was queued, the client is ready). */
export class Wakeups {
  private readonly wakers = new Set<() => void>();

  wake = (): void => {
    for (const w of [...this.wakers]) w();
  };

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakers.add(done);
    });
  }
}
