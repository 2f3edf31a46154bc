import { randomBytes } from "node:crypto";
import type { RepliableInteraction } from "discord.js";
import type { Logger } from "../logger.ts";
import { isUserError } from "../services/errors.ts";
import { describeDiscordFailure } from "./describePostFailure.ts";
import { answerPrivately } from "./reply.ts";
import { userErrorMessage } from "./views/errorMessages.ts";

export function newIncidentId(): string {
  return randomBytes(4).toString("hex");
}

/**
 * The one place errors from handlers end: a UserError becomes its catalog message, privately; anything else a
 * generic message with an incident id, logged with its context. Raw exception text never reaches the user.
 */
export async function withErrorBoundary(
  interaction: RepliableInteraction,
  logger: Logger,
  context: Record<string, unknown>,
  run: () => Promise<void>,
): Promise<"ok" | "user_error" | "error"> {
  let outcome: "ok" | "user_error" | "error" = "ok";
  try {
    await run();
  } catch (error) {
    let message: string;
    outcome = isUserError(error) ? "user_error" : "error";
    if (isUserError(error)) {
      logger.info({ ...context, code: error.code }, "user error");
      message = userErrorMessage(error.code, error.context);
    } else if (describeDiscordFailure(error)) {
      // Discord failed, not Steward: the handler may have saved its change before (it commits before it answers).
      const incidentId = newIncidentId();
      logger.warn({ ...context, incidentId, err: error }, "Discord failed during an interaction");
      message = `${describeDiscordFailure(error)} while I was answering, so this reply may not say what happened: what you asked may already be done and saved. Check before trying again, so nothing is done twice. Incident id: \`${incidentId}\`.`;
    } else {
      const incidentId = newIncidentId();
      logger.error({ ...context, incidentId, err: error }, "interaction failed");
      message = `Something went wrong on our side and nothing was changed. If it keeps happening, give a moderator this incident id: \`${incidentId}\`.`;
    }
    try {
      await answerPrivately(interaction, { content: message });
    } catch (replyError) {
      logger.error({ ...context, err: replyError }, "could not deliver the error message");
    }
  }
  return outcome;
}
