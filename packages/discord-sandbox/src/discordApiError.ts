/** An error answer of Discord's API: the HTTP status and Discord's JSON error code with its message. */
export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
