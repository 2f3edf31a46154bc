import { privacySettings, setPrivacy } from "../../services/members/privacySettings.ts";
import { ephemeral } from "../reply.ts";
import { privacyView } from "../views/privacyViews.ts";
import type { CommandHandler } from "./types.ts";

export const show: CommandHandler = async (i, ctx) => {
  await i.reply(ephemeral({ content: privacyView(await privacySettings(ctx.deps.services, ctx.actor)) }));
};

export const showName: CommandHandler = async (i, ctx) => {
  const on = i.options.getString("value", true) === "on";
  const v = await setPrivacy(ctx.deps.services, ctx.actor, "showName", on);
  await i.reply(
    ephemeral({
      content: privacyView(v, on ? "Your user name is now shown publicly." : "Your user name is hidden again."),
    }),
  );
};

export const showWallet: CommandHandler = async (i, ctx) => {
  const on = i.options.getString("value", true) === "on";
  const v = await setPrivacy(ctx.deps.services, ctx.actor, "showWallet", on);
  await i.reply(
    ephemeral({
      content: privacyView(
        v,
        on ? "Your wallet address is now shown in full publicly." : "Your wallet address is shortened again.",
      ),
    }),
  );
};
