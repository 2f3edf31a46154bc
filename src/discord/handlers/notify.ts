import { notifySettings, setNotifyVotes } from "../../services/reminders/notifySettings.ts";
import { ephemeral } from "../reply.ts";
import { notifyView } from "../views/reminderViews.ts";
import type { CommandHandler } from "./types.ts";

/** `/notify` shows the member's setting; `/notify votes:on|off` changes it. */
export const notify: CommandHandler = async (i, ctx) => {
  const value = i.options.getString("votes", false);
  if (value === null) {
    await i.reply(ephemeral({ content: notifyView(ctx.t, await notifySettings(ctx.deps.services, ctx.actor)) }));
    return;
  }
  const on = value === "on";
  const v = await setNotifyVotes(ctx.deps.services, ctx.actor, on);
  await i.reply(ephemeral({ content: notifyView(ctx.t, v, on ? "on" : "off") }));
};
