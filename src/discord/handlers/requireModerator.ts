import { UserError } from "../../services/errors.ts";
import type { HandlerContext } from "../context.ts";

/** Buttons and modals reach any member who sees them: moderator-only ones check the role themselves. */
export function requireModerator(ctx: HandlerContext): void {
  if (!ctx.isModerator) throw new UserError("missing_role", { role: ctx.deps.settings.moderatorRole });
}
