import { finalResponse, type SandboxClient } from "./sandboxClient.ts";

/** Submits a code contribution the rubric scores well (links, structure, hours) and returns its id. */
export async function submitCodeContribution(client: SandboxClient, user: string, title: string): Promise<number> {
  const reply = finalResponse(
    await client.run(user, "contribute submit", {
      title,
      category: "code",
      description: "Fixed the release pipeline and added a regression test.\n- pipeline\n- test",
      link1: `https://github.com/dao/app/pull/${title.length}`,
      hours: 4,
    }),
  );
  return Number(/#(\d+)/.exec(reply.content)?.[1]);
}
