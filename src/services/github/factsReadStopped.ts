/** Steward is stopping: the facts were not all read, and nothing may be recorded as if they had been. */
export class FactsReadStopped extends Error {
  constructor() {
    super("reading GitHub facts stopped: Steward is stopping");
    this.name = "FactsReadStopped";
  }
}
