/**
 * What the author may ping, as Discord decides: @everyone, @here and a role that is not mentionable notify only
 * when the author has Mention Everyone in the channel; otherwise they are shown and notify nobody.
 */
export interface MentionRights {
  everyone: boolean;
  role: (id: string) => boolean;
}

/** Who a message would ping on Discord, given its content and `allowed_mentions` (absent means: everyone allowed). */
export function resolveMentions(
  content: string,
  allowed: { parse?: string[]; users?: string[]; roles?: string[] } | undefined,
  rights: MentionRights = { everyone: true, role: () => true },
): { everyone: boolean; users: string[]; roles: string[] } {
  const parse = new Set(allowed ? (allowed.parse ?? []) : ["everyone", "users", "roles"]);
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] as string);
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] as string);
  return {
    everyone: rights.everyone && parse.has("everyone") && /@(everyone|here)\b/.test(content),
    users: [...new Set(userIds.filter((id) => parse.has("users") || allowed?.users?.includes(id)))],
    roles: [
      ...new Set(roleIds.filter((id) => (parse.has("roles") || allowed?.roles?.includes(id)) && rights.role(id))),
    ],
  };
}
