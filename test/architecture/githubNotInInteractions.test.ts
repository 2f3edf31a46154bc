import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "../..");

/** Every .ts file under `folder`. */
const files = (folder: string) =>
  readdirSync(join(repo, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(folder, f));

describe("GitHub is never read while answering an interaction", () => {
  it("the Discord adapter does not import the facts reader, the REST reader or Octokit", () => {
    const offenders = files("src/discord").filter((f) =>
      /from "[^"]*(github\/readContributionFacts|github\/readLinkFacts|github\/githubReader|@octokit\/rest)(\.ts)?"/.test(
        readFileSync(join(repo, f), "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("evaluation reads the facts (before evaluating), nothing else in services does", () => {
    const readers = files("src")
      .filter((f) => !f.includes("/services/github/"))
      .filter((f) => /readContributionFacts\.ts"/.test(readFileSync(join(repo, f), "utf8")));
    expect(readers).toEqual([join("src", "services", "evaluations", "evaluateContribution.ts")]);
  });
});
