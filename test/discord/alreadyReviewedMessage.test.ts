import { describe, expect, it } from "vitest";
import { userErrorMessage } from "../../src/discord/views/errorMessages.ts";
import { translator } from "../../src/i18n/translator.ts";

/** The service names the reviewer by id; the mention is the view's. */
describe("the refusal to clear an evaluation twice", () => {
  it("mentions the moderator who cleared it", () => {
    expect(userErrorMessage(translator("en"), "already_reviewed", { id: 12, reviewerId: "300000000000000001" })).toBe(
      "Contribution #12's evaluation was already cleared by <@300000000000000001>.",
    );
  });

  it("keeps its words when the reviewer was not recorded", () => {
    expect(userErrorMessage(translator("en"), "already_reviewed", { id: 12, reviewerId: null })).toBe(
      "Contribution #12's evaluation was already cleared by <@?>.",
    );
  });
});
