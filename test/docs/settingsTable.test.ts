import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSettingsTables, SETTINGS_DOC, settingDocs, withCurrentTables } from "../../scripts/settings-table.ts";
import { configSchema } from "../../src/config.ts";

// The settings reference is written from the schema's own metadata: one place documents a setting, and this test
// fails when the committed page says something else than the schema does.
describe("the settings reference", () => {
  it("documents every key of the config schema, once, with a group and a description", () => {
    const docs = settingDocs();
    expect(docs.map((d) => d.key)).toEqual(Object.keys(configSchema.shape));
    const tables = renderSettingsTables(docs);
    for (const key of Object.keys(configSchema.shape)) {
      expect(tables.split(`| \`${key}\` |`).length - 1, key).toBe(1);
    }
  });

  it("is current: the committed page is what scripts/settings-table.ts writes", () => {
    const committed = readFileSync(join(process.cwd(), SETTINGS_DOC), "utf8");
    expect(committed, "run npx tsx scripts/settings-table.ts and commit the page").toBe(withCurrentTables(committed));
  });

  it("shows each default as a value that parses to the schema's own default", () => {
    for (const doc of settingDocs()) {
      const written = /^`([^`]*)`$/.exec(doc.defaultText)?.[1];
      if (written === undefined) continue;
      const schema = configSchema.shape[doc.key as keyof typeof configSchema.shape];
      expect(schema.parse(written), doc.key).toEqual(schema.parse(undefined));
    }
  });

  it("lets every key without a default be left out (the page says what that means)", () => {
    const unset = settingDocs().filter((d) => !d.defaultText.startsWith("`"));
    expect(unset.length).toBeGreaterThan(0);
    for (const doc of unset) {
      const schema = configSchema.shape[doc.key as keyof typeof configSchema.shape];
      const empty = schema.safeParse(undefined);
      // Without a default a key is optional: absent parses, and the page's `unset` text says what that means.
      expect(empty.success ? empty.data : "refused", doc.key).not.toBe("refused");
    }
  });
});
