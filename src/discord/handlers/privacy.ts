import { privacySettings, setPrivacy } from "../../services/members/privacySettings.ts";
import { ephemeral } from "../reply.ts";
import { privacyView } from "../views/privacyViews.ts";
import type { CommandHandler } from "./types.ts";

export const show: CommandHandler = async (i, ctx) => {
  await i.reply(ephemeral({ content: privacyView(ctx.t, await privacySettings(ctx.deps.services, ctx.actor)) }));
};

export const showName: CommandHandler = async (i, ctx) => {
  const on = i.options.getString("value", true) === "on";
  const v = await setPrivacy(ctx.deps.services, ctx.actor, "showName", on);
  await i.reply(
    ephemeral({
      content: privacyView(ctx.t, v, ctx.t.t(on ? "privacy.changed.nameShown" : "privacy.changed.nameHidden")),
    }),
  );
};

export const showWallet: CommandHandler = async (i, ctx) => {
  const on = i.options.getString("value", true) === "on";
  const v = await setPrivacy(ctx.deps.services, ctx.actor, "showWallet", on);
  await i.reply(
    ephemeral({
      content: privacyView(ctx.t, v, ctx.t.t(on ? "privacy.changed.walletFull" : "privacy.changed.walletShort")),
    }),
  );
};
