import { describe, expect, it } from "vitest";
import {
  BANDS,
  bandsOf,
  candidateProbability,
  minHashBands,
  minHashSignature,
  ROWS,
} from "../../src/llm/minHashBands.ts";
import { orderedShingles, shingles, similarity } from "../../src/llm/textShingles.ts";
import { seededRandom } from "../helpers/contributionTexts.ts";

/** Two sets of `size` shingles with exactly `common` in common (and size - common each of their own). */
function pair(size: number, common: number, tag: string): [Set<string>, Set<string>] {
  const shared = Array.from({ length: common }, (_, i) => `${tag} shared ${i}`);
  const own = (side: string) => Array.from({ length: size - common }, (_, i) => `${tag} ${side} ${i}`);
  return [new Set([...shared, ...own("a")]), new Set([...shared, ...own("b")])];
}

const shareBand = (a: number[], b: number[]) => a.some((x) => b.includes(x));

describe("MinHash signatures and LSH bands", () => {
  it("finds a pair at the 0.8 threshold with probability ≥ 99.9 %, and says what it costs below", () => {
    expect(ROWS * BANDS).toBe(144);
    expect(candidateProbability(0.8)).toBeGreaterThanOrEqual(0.999);
    expect(candidateProbability(0.8)).toBeCloseTo(0.99932, 5);
    expect(candidateProbability(0.5)).toBeCloseTo(0.3145, 3);
    expect(candidateProbability(0.3)).toBeCloseTo(0.0173, 3);
    expect(candidateProbability(1)).toBe(1);
    expect(candidateProbability(0)).toBe(0);
  });

  it("agrees with that in practice: one signature value in J is equal, and bands meet as often as predicted", () => {
    // 1,000 pairs at Jaccard 0.8 (40 shingles each, 36 shared: 36 / 44 ≈ 0.818) and 1,000 at 0.5 (30 of 45, 0.5).
    let equalAt8 = 0;
    let metAt8 = 0;
    let metAt5 = 0;
    for (let i = 0; i < 1000; i++) {
      const [a, b] = pair(40, 36, `p${i}`);
      const [sa, sb] = [minHashSignature(a), minHashSignature(b)];
      for (let k = 0; k < sa.length; k++) if (sa[k] === sb[k]) equalAt8++;
      if (shareBand(bandsOf(a), bandsOf(b))) metAt8++;
      const [c, d] = pair(30, 20, `q${i}`);
      if (shareBand(bandsOf(c), bandsOf(d))) metAt5++;
    }
    // Each signature value is equal with probability J = 36/44: 144,000 draws, so within ±1 %.
    expect(equalAt8 / 144_000).toBeGreaterThan(0.808);
    expect(equalAt8 / 144_000).toBeLessThan(0.828);
    expect(metAt8).toBeGreaterThanOrEqual(997);
    // At 0.5 about 31 % are compared at all (±5 %): the exact Jaccard then drops them.
    expect(metAt5 / 1000).toBeGreaterThan(0.26);
    expect(metAt5 / 1000).toBeLessThan(0.37);
  });

  it("gives equal texts, and copies in lookalike letters or another case, the same bands", () => {
    const text = "Fix the vote closer\nFixed the race in the vote closer. Added a row lock and a test.";
    const bands = minHashBands(text);
    expect(bands).toHaveLength(2 * BANDS);
    expect(new Set(bands).size).toBe(2 * BANDS);
    for (const b of bands) expect(Number.isInteger(b) && b >= -(2 ** 31) && b < 2 ** 31).toBe(true);
    expect(minHashBands(text)).toEqual(bands);
    expect(
      minHashBands("FIX THE VОTE СLOSER\nFixed the rаce in the vote closer. Added a row lock and a test."),
    ).toEqual(bands);
    expect(minHashBands("Fix the vote closer\nFixed the race in the vote closer! Added a row lock and a test")).toEqual(
      bands,
    );
  });

  it("gives a copy with its sentences reordered the bands of its canonical order, and nothing to an empty text", () => {
    const text = "Fix the vote closer\nFixed the race in the vote closer. Added a row lock and a test.";
    const reordered = "Added a row lock and a test. Fixed the race in the vote closer.\nFix the vote closer";
    const [a, b] = [minHashBands(text), minHashBands(reordered)];
    expect(b.slice(BANDS)).toEqual(a.slice(BANDS));
    expect(b.slice(0, BANDS)).not.toEqual(a.slice(0, BANDS));
    expect(similarity(text, reordered)).toBe(1);
    expect(orderedShingles(reordered)).toEqual(orderedShingles(text));
    expect(shingles(reordered)).not.toEqual(shingles(text));
    expect(minHashBands("")).toEqual([]);
    expect(minHashBands("!!! ---")).toEqual([]);
    expect(minHashSignature(new Set())).toHaveLength(0);
  });

  it("numbers each band, so equal rows in two bands, or the two orders of one text, never meet", () => {
    const one = new Set(["a b c"]);
    // One shingle: every MinHash value is that shingle's, so every band has the same rows.
    const bands = bandsOf(one);
    expect(new Set(bands).size).toBe(BANDS);
    expect(bandsOf(one, BANDS).some((b) => bands.includes(b))).toBe(false);
  });

  it("rarely lets unrelated texts meet", () => {
    const rnd = seededRandom(7);
    const word = () => Math.floor(rnd() * 1e9).toString(36);
    const text = () => Array.from({ length: 30 }, word).join(" ");
    let met = 0;
    for (let i = 0; i < 500; i++) if (shareBand(minHashBands(text()), minHashBands(text()))) met++;
    expect(met).toBe(0);
  });

  it("keeps the bands it stored: the same text gives the same keys in every release of this index version", () => {
    // Stored rows are found by these keys; a change of hash, seed or band numbering that leaves
    // CONTRIBUTION_INDEX_VERSION alone would make every earlier contribution invisible to the duplicate check.
    expect(minHashBands("Fix the vote closer\nAdded a row lock. Fixed the race.")).toEqual([
      -661465422, -1938816683, 662830832, 1630303574, 1222313598, -1174517369, -1681081652, 2081897078, -307913257,
      -1182006635, 463715914, -537578473, -1595378525, 24532042, -1117749820, -1429094209, 1375573742, -709937627,
      -1591295131, -476160230, -1535526408, 1634908804, -769524043, -765494659, -661893758, 970063165, 959960280,
      275308732, -1137210838, 107975974, 595126904, -1119582931, 440263886, -1146000670, -1927602492, 1184865683,
      1832780784, -626106219, 1968429425, -1103249589, 1085500686, -201594763, -275749677, 2035517413, -170846462,
      -1528398730, 1087708114, -206028586,
    ]);
    expect([...minHashSignature(new Set(["a b c"])).slice(0, 6)]).toEqual([
      1465750471, 2331088453, 1544700817, 940290384, 1514703151, 933766754,
    ]);
  });
});

describe("the canonical order of sentences", () => {
  it("sorts sentences by their words, word by word, whatever order a copy gives them", () => {
    expect([...orderedShingles("Zed one two. Ab c. A bc.")]).toEqual([
      "a bc ab",
      "bc ab c",
      "ab c zed",
      "c zed one",
      "zed one two",
    ]);
    // Two sentences whose letters run alike but whose words differ still have one order between them.
    expect(orderedShingles("A bc. Ab c.")).toEqual(orderedShingles("Ab c. A bc."));
  });
});
