import { describe, expect, it } from "vitest";
import { budgetFloorChangeText, budgetFloorsView } from "../../../src/discord/views/budgetViews.ts";
import { startGuide, startWalletForm, votingGuide } from "../../../src/discord/views/startViews.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import type { NewcomerStatus } from "../../../src/services/onboarding/newcomerStatus.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const status = (over: Partial<NewcomerStatus>): NewcomerStatus => ({
  walletAddress: null,
  contributions: 0,
  policyVersion: null,
  voting: { type: "ranked_choice", periodMs: 90 * 60_000, quorum: "20%", passThreshold: 0.5, approvalsRequired: 3 },
  ...over,
});
const where = { guild: "A".repeat(100), transparencyUrl: `https://${"x".repeat(200)}.example.org/` };

describe.each(LOCALES)("the %s guide and budget floors", (locale) => {
  const t = translator(locale);
  it("fit Discord's limits however the member stands", () => {
    for (const s of [
      status({}),
      status({ walletAddress: `0x${"a".repeat(40)}`, contributions: 1, policyVersion: 12 }),
      status({ contributions: 1_234 }),
    ]) {
      expect(discordLimitProblems(startGuide(t, s, where))).toEqual([]);
      expect(discordLimitProblems({ content: votingGuide(t, s.voting) })).toEqual([]);
    }
    expect(discordLimitProblems(startWalletForm(t))).toEqual([]);
    const floors = ["code", "docs", "design", "research", "community", "ops", "other"].map((category) => ({
      category,
      shareBps: 1_425,
    }));
    expect(discordLimitProblems({ content: budgetFloorsView(t, floors) })).toEqual([]);
    expect(
      discordLimitProblems({
        content: budgetFloorChangeText(t, {
          category: "community",
          previousBps: 0,
          shareBps: 1_425,
          floors: floors as never,
        }),
      }),
    ).toEqual([]);
  });

  it("are written in the language", () => {
    const text = JSON.stringify(startGuide(t, status({}), where)) + votingGuide(t, status({}).voting);
    if (locale === "zh-CN") expect(text).toMatch(/\p{Script=Han}{4}/u);
    if (locale === "es-ES") expect(text).toContain("votación");
    if (locale === "en") expect(text).toContain("How voting works");
    expect(votingGuide(t, status({}).voting)).toContain(locale === "en" ? "90 minutes" : "90");
    expect(votingGuide(t, status({}).voting)).toContain("`ranked-choice`");
  });
});
