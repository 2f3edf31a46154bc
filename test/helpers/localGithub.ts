/** Calls the local GitHub's control API (packages/github-sandbox README), failing loudly on a refusal. */
export async function githubControl(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Users, then a PR `author` opened in `owner/repo` (created if new), merged by `mergedBy` when given. */
export async function githubPull(
  url: string,
  input: {
    owner: string;
    repo: string;
    author: string;
    title?: string;
    files?: { filename: string; additions: number; deletions: number; patch?: string }[];
    approvedBy?: string[];
    commentedBy?: string[];
    mergedBy?: string;
    contributors?: string[];
  },
): Promise<{ number: number; url: string }> {
  const state = (await githubControl(url, "GET", "/sandbox/state")) as {
    users: { login: string }[];
    repos: { full_name: string }[];
  };
  const users = new Set(state.users.map((u) => u.login.toLowerCase()));
  const people = [
    input.owner,
    input.author,
    input.mergedBy,
    ...(input.approvedBy ?? []),
    ...(input.commentedBy ?? []),
    ...(input.contributors ?? []),
  ];
  for (const login of people) {
    if (login && !users.has(login.toLowerCase())) {
      await githubControl(url, "POST", "/sandbox/users", { login });
      users.add(login.toLowerCase());
    }
  }
  if (!state.repos.some((r) => r.full_name.toLowerCase() === `${input.owner}/${input.repo}`.toLowerCase())) {
    await githubControl(url, "POST", "/sandbox/repos", {
      owner: input.owner,
      name: input.repo,
      contributors: input.contributors ?? [],
    });
  }
  const base = `/sandbox/repos/${input.owner}/${input.repo}/pulls`;
  const pull = await githubControl(url, "POST", base, {
    author: input.author,
    title: input.title ?? "A change",
    files: input.files ?? [{ filename: "src/app.ts", additions: 10, deletions: 2 }],
  });
  for (const reviewer of input.approvedBy ?? []) {
    await githubControl(url, "POST", `${base}/${pull.number}/reviews`, { reviewer, state: "approve" });
  }
  for (const reviewer of input.commentedBy ?? []) {
    await githubControl(url, "POST", `${base}/${pull.number}/reviews`, { reviewer, state: "comment" });
  }
  if (input.mergedBy) await githubControl(url, "POST", `${base}/${pull.number}/merge`, { merged_by: input.mergedBy });
  const number = Number(pull.number);
  return { number, url: `https://github.com/${input.owner}/${input.repo}/pull/${number}` };
}
