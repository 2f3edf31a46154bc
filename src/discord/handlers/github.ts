import { githubAccountOf, startGithubLink, unlinkGithub } from "../../services/github/linkGithub.ts";
import { ephemeral, replyWhenReady } from "../reply.ts";
import { githubLinkView, githubShowView, githubUnlinkedView } from "../views/githubViews.ts";
import type { CommandHandler } from "./types.ts";

/** Asking GitHub for a device code may outlast Discord's 3 seconds: deferred if so; the polling runs in the background. */
export const link: CommandHandler = async (i, ctx) => {
  await replyWhenReady(
    i,
    startGithubLink(ctx.deps.services, ctx.actor, ctx.deps.logger).then((p) => ({ content: githubLinkView(p) })),
  );
};

export const show: CommandHandler = async (i, ctx) => {
  const { account, attempt } = await githubAccountOf(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: githubShowView(account, attempt) }));
};

export const unlink: CommandHandler = async (i, ctx) => {
  const { login } = await unlinkGithub(ctx.deps.services, ctx.actor);
  await i.reply(ephemeral({ content: githubUnlinkedView(login) }));
};
