import { describe, expect, it } from "vitest";
import { userErrorMessage } from "../../src/discord/views/errorMessages.ts";
import { translator } from "../../src/i18n/translator.ts";

describe("the refusal for a missing role", () => {
  it("names a role configured by name as written", () => {
    expect(userErrorMessage(translator("en"), "missing_role", { role: "Moderator" })).toBe(
      "Only members with the Moderator role can do this.",
    );
  });

  it("shows a role configured by id as a mention, which Discord renders as the role's name", () => {
    expect(userErrorMessage(translator("en"), "missing_role", { role: "157900000000000001" })).toBe(
      "Only members with the <@&157900000000000001> role can do this.",
    );
  });
});
