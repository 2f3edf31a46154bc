import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetLines } from "../../src/services/epochs/closing/budgetLines.ts";
import { MemberShares } from "../../src/services/epochs/closing/memberShares.ts";
import { mentorShareOf } from "../../src/services/mentorship/addMentorShares.ts";

const address = (i: number) => `0x${(i + 1).toString(16).padStart(40, "0")}`;

describe("the mentor's line in the distribution", () => {
  it("is MENTOR_SHARE of the reward rounded down, never more than it", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 10_000 }), (reward, bps) => {
        const share = mentorShareOf(reward, bps);
        expect(share <= reward).toBe(true);
        expect(share * 10_000n <= reward * BigInt(bps)).toBe(true);
        expect((share + 1n) * 10_000n > reward * BigInt(bps)).toBe(true);
      }),
    );
  });

  it("keeps the batch exact: the budget in full when short, every share as asked when not", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 24n }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.bigInt({ min: 1n, max: 10n ** 25n }),
        fc.boolean(),
        (rewards, bps, budget, mentorIsAuthor) => {
          const shares = new MemberShares();
          rewards.forEach((reward, i) => {
            const s = shares.shareFor(`m${i}`, `d${i}`, address(i));
            s.amount += reward;
            s.refs.push(`contribution:${i + 1}`);
          });
          // The newcomer is the first author; their mentor a member of their own or one with work too.
          const mentorIndex = mentorIsAuthor && rewards.length > 1 ? 1 : rewards.length;
          const mentor = shares.shareFor(`m${mentorIndex}`, `d${mentorIndex}`, address(mentorIndex));
          const share = mentorShareOf(rewards[0] as bigint, bps);
          mentor.amount += share;
          mentor.refs.push("mentor:1");
          const asked = rewards.reduce((n, r) => n + r, 0n) + share;
          const { lines, total, scaled } = budgetLines(shares, budget);
          const paid = lines.reduce((n, l) => n + BigInt(l.amount), 0n);
          expect(total).toBe(asked);
          expect(scaled).toBe(asked > budget);
          expect(paid).toBe(scaled ? budget : asked);
          const mentorLine = lines.find((l) => l.refs.includes("mentor:1"));
          expect(BigInt(mentorLine?.amount ?? "0") <= mentor.amount).toBe(true);
        },
      ),
    );
  });
});
