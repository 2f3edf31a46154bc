import { describe, expect, it } from "vitest";
import { keepExactQuotes } from "../../src/llm/keepExactQuotes.ts";
import {
  englishEquivalent,
  englishEquivalentLength,
  HAN_FACTOR,
  informativeLength,
  measuredLanguage,
  SPANISH_FACTOR,
} from "../../src/llm/textLength.ts";
import { sentences, similarity, skeletonWords } from "../../src/llm/textShingles.ts";

const zh = "修复了投票关闭器中的竞态条件：两个关闭器可能会同时发布结果。加了行锁，并写了一个同时运行三个关闭器的测试。";
const es = "Corregí la condición de carrera en el cierre de votaciones. Añadí un bloqueo de fila y una prueba.";
const en = "Fixed the race in the vote closer: two closers could both post the result. Added a row lock and a test.";

describe("lengths in English-equivalent characters", () => {
  it("tells Chinese, Spanish and the rest apart from the text alone", () => {
    expect(measuredLanguage(zh)).toBe("zh");
    expect(measuredLanguage(`${zh} PR：https://github.com/dao/steward/pull/88`)).toBe("zh");
    expect(measuredLanguage(es)).toBe("es");
    expect(measuredLanguage("Renové el dominio un año más.")).toBe("es");
    expect(measuredLanguage(en)).toBe("other");
    // One Spanish-looking word in English is not Spanish; nor is English about a Spanish place.
    expect(measuredLanguage("Wrote notes for the Los Angeles meetup and the de facto agenda.")).toBe("other");
    expect(measuredLanguage("")).toBe("other");
  });

  it("counts a Han character as HAN_FACTOR, Spanish at SPANISH_FACTOR, English and other text as it is", () => {
    expect(englishEquivalent("修复", "zh")).toBeCloseTo(2 * HAN_FACTOR);
    expect(englishEquivalent("PR 修复", "zh")).toBeCloseTo(3 + 2 * HAN_FACTOR);
    // A Han character outside the BMP is one character, not its two UTF-16 units.
    expect(englishEquivalent("𠀋", "zh")).toBeCloseTo(HAN_FACTOR);
    expect(englishEquivalent("abcdefghij", "es")).toBeCloseTo(10 * SPANISH_FACTOR);
    expect(englishEquivalentLength(en)).toBe(en.length);
    expect(englishEquivalentLength("Добавил тест.")).toBe("Добавил тест.".length);
  });

  it("counts each Chinese sentence once, as it counts English ones", () => {
    const once = informativeLength(zh);
    expect(once).toBe(Math.round(englishEquivalent(zh, "zh")));
    expect(informativeLength(zh.repeat(12))).toBe(once);
    expect(informativeLength(es)).toBe(Math.round((es.length - 1) * SPANISH_FACTOR));
    expect(informativeLength(`${es} ${es}`)).toBe(informativeLength(es));
  });
});

describe("words and sentences of Chinese and Spanish text", () => {
  it("cuts Chinese into words, and ignores blanks put between its characters", () => {
    const words = skeletonWords(zh);
    expect(words.length).toBeGreaterThan(15);
    expect(words).toContain("测试");
    expect(skeletonWords(zh.split("").join(" "))).toEqual(words);
    expect(similarity(zh, zh.split("").join(" "))).toBe(1);
  });

  it("ends Chinese sentences at 。！？ without a blank after them", () => {
    expect(sentences("第一句。第二句！第三句？").filter((s) => s !== "")).toEqual(["第一句。", "第二句！", "第三句？"]);
    const reordered =
      "加了行锁，并写了一个同时运行三个关闭器的测试。修复了投票关闭器中的竞态条件：两个关闭器可能会同时发布结果。";
    expect(similarity(zh, reordered)).toBe(1);
  });

  it("keeps accented words whole and equal to their plain spelling", () => {
    expect(skeletonWords("Corregí la condición")).toEqual(["corregi", "la", "condicion"]);
    expect(skeletonWords("Corregi la condicion")).toEqual(skeletonWords("Corregí la condición"));
    // Decomposed accents (o + ◌́) are the same word as composed ones.
    expect(skeletonWords("condicio\u0301n")).toEqual(["condicion"]);
  });
});

describe("quotes in the submission's own language", () => {
  it("keeps a Chinese quote of one or two characters, as it keeps a three-letter English word", () => {
    const source = [zh];
    expect(keepExactQuotes(["行锁", "测试。", "锁"], source)).toEqual({ kept: ["行锁", "测试。", "锁"], dropped: 0 });
    expect(keepExactQuotes(["fix", "ab"], ["a fix"])).toEqual({ kept: ["fix"], dropped: 1 });
    // A paraphrase, or the quote translated, is dropped.
    expect(keepExactQuotes(["加了一把行锁", "added a row lock"], source)).toEqual({ kept: [], dropped: 2 });
  });

  it("keeps a quote that differs from the text only in how its accents are encoded, in the text's spelling", () => {
    const decomposed = "Corregí la condición de carrera.".normalize("NFD");
    const quote = "la condición de carrera".normalize("NFC");
    expect(keepExactQuotes([quote], [decomposed])).toEqual({ kept: [quote.normalize("NFD")], dropped: 0 });
  });
});
