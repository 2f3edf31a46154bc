/** A control API refusal: its HTTP status and the words the caller reads. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A control API answer that created something (HTTP 201). */
export class Created {
  constructor(readonly body: unknown) {}
}
