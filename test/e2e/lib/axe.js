// Accessibility scans with axe-core: every page the flows visit is scanned once per route (ids folded:
// /transfers/:id) in English and once in Spanish, each scan one check of the run. A scan passes with no
// violation of the WCAG 2.x A and AA rules or axe's best practices; a failed scan lists each violation's
// id, impact, target selectors and the page, and does not stop the run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.js';
import { record } from './steps.js';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const LANGUAGES = ['en', 'es'];
/** The language switch's label in each language: it names the other one. */
const SWITCH = { en: 'Español', es: 'English' };
const INDENT = '         ';

/** A path's route: the second segment is an id (/people/:id/screening); the query does not count. */
export function routeOf(url) {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  if (segments.length >= 2) segments[1] = ':id';
  return `/${segments.join('/')}`;
}

/**
 * A scanner for `page`: it notes every route the page shows, and `scan()` checks the page it is on in
 * both languages unless that route was scanned already. `coverage()` is the check that every route
 * visited was scanned in both.
 * @param {import('playwright-core').Page} page
 */
export function createScanner(page) {
  const visited = new Map();
  const scanned = new Set();
  const inFlight = new Set();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http'))
      visited.set(routeOf(frame.url()), frame.url());
  });
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));

  /** Waits until no request has been in flight for a quarter of a second (the page has its data). */
  const settle = async () => {
    const until = Date.now() + 10_000;
    let quietSince = Date.now();
    while (Date.now() < until) {
      if (inFlight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 250) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const language = async () => ((await page.getAttribute('html', 'lang')) === 'es' ? 'es' : 'en');

  const switchTo = async (lang) => {
    if ((await language()) === lang) return;
    const other = lang === 'es' ? 'en' : 'es';
    await page.getByRole('button', { name: SWITCH[other], exact: true }).click();
    await page.waitForSelector(`html[lang="${lang}"]`);
  };

  const violations = async () => {
    // Evaluated, not added as a <script>: the UI's Content-Security-Policy (script-src 'self') refuses an
    // inline script tag, and the scan must run under the policy the UI really has.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    return page.evaluate(async (tags) => {
      const run = await window.axe.run(document, {
        resultTypes: ['violations'],
        runOnly: { type: 'tag', values: tags },
      });
      return run.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }));
    }, TAGS);
  };

  const scanOnce = async (route, lang) => {
    const name = `axe: ${route} in ${lang === 'en' ? 'English' : 'Spanish'}`;
    try {
      await switchTo(lang);
      await settle();
      const found = await violations();
      const lines = found.flatMap((v) => [
        `${INDENT}${v.id} (${v.impact}) on ${page.url()} [${lang}]: ${v.help}`,
        ...v.targets.map((target) => `${INDENT}  ${target}`),
      ]);
      record(name, found.length === 0, lines.join('\n'));
    } catch (error) {
      record(name, false, `${INDENT}the scan failed: ${String(error?.message ?? error)}`);
    }
  };

  return {
    /**
     * Scans the page it is on, in each language this route was not yet scanned in; keeps its language.
     * `variant` (no spaces) scans a route again under another name, when a role sees more of it (the person
     * page with a court's hearing forms: `/people/:id#hearings`).
     */
    async scan(variant) {
      if (!page.url().startsWith('http')) return;
      const route = variant ?? routeOf(page.url());
      const start = await language();
      // The language the page is in first, so that the page switches at most twice.
      const todo = [start, start === 'en' ? 'es' : 'en'].filter((lang) => !scanned.has(`${route} ${lang}`));
      if (todo.length === 0) return;
      for (const lang of todo) {
        scanned.add(`${route} ${lang}`);
        await scanOnce(route, lang);
      }
      await switchTo(start).catch(() => {});
    },
    /** The check that every route the page showed (but those `excused`) was scanned in both languages. */
    coverage(excused = []) {
      const missed = [...visited.keys()]
        .filter((route) => !excused.includes(route))
        .flatMap((route) =>
          LANGUAGES.filter((lang) => !scanned.has(`${route} ${lang}`)).map((lang) => `${route} (${lang})`),
        );
      const routes = new Set([...scanned].map((key) => key.split(' ')[0]));
      record(
        `axe: every page visited was scanned in English and Spanish (${routes.size} routes)`,
        missed.length === 0,
        missed.length === 0 ? '' : `${INDENT}not scanned: ${missed.join(', ')}`,
      );
    },
  };
}
