import { randomBytes } from "node:crypto";
import type { RepliableInteraction } from "discord.js";
import type { Translator } from "../i18n/translator.ts";
import type { Logger } from "../logger.ts";
import { isUserError } from "../services/errors.ts";
import { describeDiscordFailure, discordFailureText } from "./describePostFailure.ts";
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
  t: Translator,
  logger: Logger,
  context: Record<string, unknown>,
  run: () => Promise<void>,
): Promise<"ok" | "user_error" | "error"> {
  let outcome: "ok" | "user_error" | "error" = "ok";
  try {
    await run();
  } catch (error) {
    let message: string;
    const discordFailure = describeDiscordFailure(error);
    outcome = isUserError(error) ? "user_error" : "error";
    if (isUserError(error)) {
      logger.info({ ...context, code: error.code }, "user error");
      message = userErrorMessage(t, error.code, error.context);
    } else if (discordFailure) {
      // Discord failed, not Steward: the handler may have saved its change before (it commits before it answers).
      const incidentId = newIncidentId();
      logger.warn({ ...context, incidentId, err: error }, "Discord failed during an interaction");
      message = t.t("common.discordFailedWhileAnswering", {
        failure: discordFailureText(t, discordFailure),
        incidentId,
      });
    } else {
      const incidentId = newIncidentId();
      logger.error({ ...context, incidentId, err: error }, "interaction failed");
      message = t.t("common.unexpectedError", { incidentId });
    }
    try {
      await answerPrivately(interaction, { content: message });
    } catch (replyError) {
      logger.error({ ...context, err: replyError }, "could not deliver the error message");
    }
  }
  return outcome;
}
