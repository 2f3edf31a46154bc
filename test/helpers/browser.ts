import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. Null when none is installed. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

/** Headless Chromium with a fresh profile and no background traffic (this machine has no internet). */
export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("no Chromium: apt-get install -y chromium, or set CHROMIUM_PATH");
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "steward-chromium-")), {
    executablePath,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Where browser tests save their screenshots (looked at by people, kept out of git). */
export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), "test-results");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
