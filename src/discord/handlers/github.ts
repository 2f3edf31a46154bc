import { translator } from "../../i18n/translator.ts";
import { UserError } from "../../services/errors.ts";
import { decideGithubDraft } from "../../services/github/captureMergedPull.ts";
import { checkGistLink, startGistLink } from "../../services/github/gistProof.ts";
import { githubAccountOf, startGithubLink, unlinkGithub } from "../../services/github/linkGithub.ts";
import { idArgument } from "../checkInput.ts";
import { guildLocale } from "../interactionLocale.ts";
import { ephemeral, post, replyWhenReady } from "../reply.ts";
import { githubDraftDecidedText } from "../views/githubDraftViews.ts";
import { githubGistView, githubLinkView, githubShowView, githubUnlinkedView } from "../views/githubViews.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

/**
 * Asking GitHub for a device code (or reading gists) may outlast Discord's 3 seconds: deferred if so; the device
 * flow's polling runs in the background. With `login:` the member proves the account with a public gist instead.
 */
export const link: CommandHandler = async (i, ctx) => {
  const login = i.options.getString("login")?.trim();
  if (login) {
    await replyWhenReady(
      i,
      startGistLink(ctx.deps.services, ctx.actor, login).then((o) => githubGistView(ctx.t, o)),
    );
    return;
  }
  await replyWhenReady(
    i,
    startGithubLink(ctx.deps.services, ctx.actor, ctx.deps.logger).then((p) => ({ content: githubLinkView(ctx.t, p) })),
  );
};

export const show: CommandHandler = async (i, ctx) => {
  const { account, attempt } = await githubAccountOf(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: githubShowView(ctx.t, account, attempt) }));
};

export const unlink: CommandHandler = async (i, ctx) => {
  const { login } = await unlinkGithub(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: githubUnlinkedView(ctx.t, login) }));
};

/** `github:check`: reads the clicking member's gists for their own challenge (the id carries nothing else). */
export const checkButton: ComponentHandler = async (i, ctx, [action]) => {
  if (action !== "check") throw new UserError("invalid_component", {});
  await replyWhenReady(
    i,
    checkGistLink(ctx.deps.services, ctx.actor).then((o) => githubGistView(ctx.t, o)),
  );
};

/** `github-draft:confirm|discard:<id>` on a draft's post: only its member decides; the post then loses its buttons. */
export const draftButton: ComponentHandler = async (i, ctx, [action, id]) => {
  if (action !== "confirm" && action !== "discard") throw new UserError("invalid_component", {});
  const draftId = idArgument(id);
  const outcome = await decideGithubDraft(ctx.deps.services, ctx.actor, draftId, action);
  if (outcome.status === "confirmed") ctx.deps.kickEvaluations();
  // The draft's post is public: it keeps the guild's language.
  const guildT = translator(guildLocale(ctx.deps.settings, i.guildLocale));
  await i.update(
    post({ content: githubDraftDecidedText(guildT, { id: draftId, url: outcome.url }, outcome), components: [] }),
  );
};
