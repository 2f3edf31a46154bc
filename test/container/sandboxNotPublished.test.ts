import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The sandbox's control API acts as any user: the image keeps it on the container's loopback.
describe("the Docker image", () => {
  it("does not publish the sandbox", () => {
    const dockerfile = readFileSync(join(import.meta.dirname, "../../Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).not.toMatch(/^EXPOSE .*\b3210\b/m);
  });
});
