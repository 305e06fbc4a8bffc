import { constants } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactValue, Result, RunOptions } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

// Headless Chromium for tests of the server-rendered pages: Debian's chromium package driven by
// playwright-core (which never downloads browsers), plus axe-core for accessibility checks.

export type { Browser, Page };
export type AxeViolation = Result;

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** Where screenshot() writes, at the project root whatever the working directory; git ignores test-output/. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${executablePath} (set CHROMIUM_PATH to use another): ` +
        `install Debian's chromium package: .ci/run does it`,
    );
  }
  return chromium.launch({
    executablePath,
    // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start. /dev/shm is often
    // tiny in containers, and Chromium crashes when it fills up.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
    headless: true,
  });
}

/** Saves a full-page PNG as test-output/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The characters of `text` that the page cannot draw in `font` (a CSS font shorthand), fallback fonts included:
 * those rendered exactly like a code point no font has, i.e. as "tofu" boxes. Empty when all have glyphs.
 */
export async function missingGlyphs(page: Page, text: string, font = '24px sans-serif'): Promise<string[]> {
  const chars = [...new Set(text.replace(/\s/g, ''))];
  // A string expression because the project's type check has no DOM types.
  return page.evaluate(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const draw = (c) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.font = ${JSON.stringify(font)};
      ctx.fillText(c, 8, 40);
      return ctx.getImageData(0, 0, 64, 64).data.join();
    };
    const tofu = draw('\u{10FFFD}');
    return ${JSON.stringify(chars)}.filter((c) => draw(c) === tofu);
  })()`);
}

let axeSource: Promise<string> | undefined;

interface AxeInPage {
  run(context: unknown, options: RunOptions): Promise<{ violations: Result[] }>;
}

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now and returns the violations. */
export async function checkA11y(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  const hasAxe = () => page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!(await hasAxe())) {
    try {
      await page.addScriptTag({ content: source });
    } catch (error) {
      // A Content-Security-Policy without 'unsafe-inline' blocks the inline script tag (as it should block any
      // injected script); evaluating through the DevTools protocol is not subject to the page's CSP.
      if (!String(error).includes('Content Security Policy')) throw error;
      await page.evaluate(source);
    }
    if (!(await hasAxe())) throw new Error('could not load axe-core into the page');
  }
  const options: RunOptions = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
  };
  return page.evaluate(async (opts) => {
    const g = globalThis as unknown as { axe: AxeInPage; document: unknown };
    const results = await g.axe.run(g.document, opts);
    return results.violations;
  }, options);
}

const SEVERE: readonly ImpactValue[] = ['serious', 'critical'];

export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => SEVERE.includes(v.impact ?? null));
}

/**
 * One line per violation, for assertion messages:
 * `image-alt [critical] Images must have alternative text (1 node): img[src$="logo.svg"]`.
 */
export function formatViolations(violations: AxeViolation[], maxTargets = 3): string {
  if (violations.length === 0) return 'no accessibility violations';
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, maxTargets)
        .map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >> '));
      const more = v.nodes.length > maxTargets ? ` (+${v.nodes.length - maxTargets} more)` : '';
      const count = `${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}`;
      return `${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${count}): ${targets.join(', ')}${more}`;
    })
    .join('\n');
}
