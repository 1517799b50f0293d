import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES } from './auth/model.js';
import { type Action, actionsOf, GRANTEES, isAction, rolesAllowed } from './auth/policy.js';
import { AGING_BUCKETS, DOCUMENT_KINDS, INVOICE_STATUSES } from './billing/document-kinds.js';
import { RESCREEN_REASONS } from './context.js';
import { STANDARDS } from './custody/compliance.js';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from './custody/incident-kinds.js';
import { RELEASE_REASONS } from './custody/release-reasons.js';
import { RULE_IDS, SENDING_STATE_LAW } from './eligibility/policy.js';
import { RULE_SOURCES } from './eligibility/rules.js';
import { HARD_CONSTRAINTS } from './facilities/allocation.js';
import { LEGAL_STATUSES } from './people/model.js';
import { CANCELLATION_REASONS, HOLD_TYPES, REJECTION_REASONS } from './transfers/reasons.js';
import {
  ENTRY_STATUSES,
  MANIFEST_EXCEPTIONS,
  MANIFEST_STATUSES,
  TRANSFER_ACTIONS,
  TRANSFER_STATUSES,
} from './transfers/states.js';

/**
 * Keeps docs/domain.md, the user's guide to the domain, true to the code: every list a user meets (roles,
 * rule ids, standards, release reasons, incident kinds, …) is read from the code and must be named in the
 * guide, the grants it prints must be the access policy's, and the sources it cites must be the code's.
 * It also keeps the README and docs/ self-contained: every relative link resolves inside the repository.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GUIDE_FILE = join(ROOT, 'docs', 'domain.md');
const GUIDE = readFileSync(GUIDE_FILE, 'utf8');

/** The text with fenced code blocks blanked out, line count kept, so headings and links in them are ignored. */
function withoutFences(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** The part of `markdown` under `heading` (e.g. `## Roles`), up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const level = heading.indexOf(' ');
  const lines = withoutFences(markdown).split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`docs/domain.md has no heading "${heading}"; add it back.`);
  const end = lines.findIndex((line, i) => {
    if (i <= start) return false;
    const hashes = /^(#+) /.exec(line)?.[1];
    return hashes !== undefined && hashes.length <= level;
  });
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Every `code span` in the text, without its backticks. */
function codeSpans(text: string): Set<string> {
  return new Set([...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? ''));
}

/** The ids of `list` not written as a code span in `text`. */
function missing(list: readonly string[], text: string): string[] {
  const spans = codeSpans(text);
  return list.filter((id) => !spans.has(id));
}

/** The table row whose first cell is `` `id` ``, split into its cells; undefined when there is none. */
function row(text: string, id: string): string[] | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
  return line
    ?.split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('docs/domain.md names everything the code lets a user meet', () => {
  const lists: [string, readonly string[]][] = [
    ['role', ROLES],
    ['eligibility rule id', RULE_IDS],
    ['standard id', STANDARDS.map((s) => s.id)],
    ['release reason', RELEASE_REASONS],
    ['incident kind', INCIDENT_KINDS],
    ['incident status', INCIDENT_STATUSES],
    ['transfer state', TRANSFER_STATUSES],
    ['transfer step', TRANSFER_ACTIONS],
    ['cancellation reason', CANCELLATION_REASONS],
    ['rejection reason', REJECTION_REASONS],
    ['legal hold type', HOLD_TYPES],
    ['re-screening reason', RESCREEN_REASONS],
    ['manifest state', MANIFEST_STATUSES],
    ['manifest entry state', ENTRY_STATUSES],
    ['manifest exception', MANIFEST_EXCEPTIONS],
    ['allocation constraint', HARD_CONSTRAINTS],
    ['billing document kind', DOCUMENT_KINDS],
    ['invoice status', INVOICE_STATUSES],
    ['aging bucket', AGING_BUCKETS],
    ['legal status', LEGAL_STATUSES],
  ];
  it.each(lists)('every %s, written as code', (_what, list) => {
    expect(missing(list, GUIDE)).toEqual([]);
  });

  it('states each eligibility rule with its legal source exactly as the screening gives it', () => {
    const rules = section(GUIDE, '### The rules of `cecot-2025/v1`');
    for (const id of RULE_IDS) {
      const cells = row(rules, id);
      expect(cells, `a table row for rule ${id}`).toBeDefined();
      expect(cells?.[3], `the source of ${id}`).toBe(RULE_SOURCES[id]);
    }
  });

  it("puts the sending state's law in its own table, as the policy does", () => {
    const rules = section(GUIDE, '### The rules of `cecot-2025/v1`');
    const lawTable = rules.slice(rules.indexOf('**What the sending state may lawfully do**'));
    const inLaw = RULE_IDS.filter((id) => row(lawTable, id) !== undefined);
    expect(inLaw).toEqual([...SENDING_STATE_LAW]);
  });

  it('states each standard with its requirement and source exactly as the compliance report does', () => {
    const standards = section(GUIDE, '## Standards compliance');
    for (const s of STANDARDS) {
      const cells = row(standards, s.id);
      expect(cells, `a table row for standard ${s.id}`).toBeDefined();
      expect(cells?.slice(1, 3), `the requirement and source of ${s.id}`).toEqual([s.requirement, s.source]);
    }
  });
});

describe("docs/domain.md's roles agree with the access policy (src/auth/policy.ts)", () => {
  const grants = section(GUIDE, "### The policy's actions, role by role");

  it.each(GRANTEES.map((g) => [g]))('lists exactly the actions %s may take', (grantee) => {
    const line = grants.split('\n').find((l) => l.startsWith(`- \`${grantee}\`:`));
    expect(line, `a line "- \`${grantee}\`: …"`).toBeDefined();
    const listed = [...codeSpans(line?.slice(line.indexOf(':') + 1) ?? '')];
    expect(
      listed.filter((a) => !isAction(a)),
      'names that are not actions of the policy',
    ).toEqual([]);
    expect(listed).toEqual(actionsOf(grantee));
  });

  it('has a row for every role in the roles table', () => {
    const roles = section(GUIDE, '## Roles');
    expect(ROLES.filter((role) => row(roles, role) === undefined)).toEqual([]);
  });

  /** Each transfer step and manifest exception, the section of its table, and the policy's action for it. */
  const steps: (readonly [string, string, Action])[] = [
    ...TRANSFER_ACTIONS.map((step) => ['## Transfers', step, `transfer:${step}`] as const),
    ...MANIFEST_EXCEPTIONS.map((kind) => ['## Transport manifests', kind, `manifest:${kind}`] as const),
  ];
  it.each(steps)('%s: the row of %s names exactly the roles granted %s', (heading, id, action) => {
    const who = row(section(GUIDE, heading), id)?.[2];
    expect(who, `a table row for ${id}`).toBeDefined();
    expect([...codeSpans(who ?? '')].sort()).toEqual(rolesAllowed(action).sort());
  });
});

describe('the Spanish summary of docs/domain.md', () => {
  const summary = section(GUIDE, '## Resumen en español');

  it('has the headings of the essentials', () => {
    for (const heading of ['### Roles', '### Reglas de elegibilidad', '### Cumplimiento de las normas']) {
      expect(summary.split('\n')).toContain(heading);
    }
  });

  it('names every role, eligibility rule and standard', () => {
    expect(missing(ROLES, section(summary, '### Roles'))).toEqual([]);
    expect(missing(RULE_IDS, section(summary, '### Reglas de elegibilidad'))).toEqual([]);
    expect(
      missing(
        STANDARDS.map((s) => s.id),
        section(summary, '### Cumplimiento de las normas'),
      ),
    ).toEqual([]);
  });
});

/** README.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const found = [join(ROOT, 'README.md')];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  return found;
}

/** The link targets of a Markdown file: inline links and images, reference definitions, HTML href and src. */
function linkTargets(markdown: string): string[] {
  const text = withoutFences(markdown).replace(/`[^`\n]*`/g, '');
  const patterns = [
    /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm,
    /\b(?:href|src)\s*=\s*"([^"]+)"/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
}

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces to dashes. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const words = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = words
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** The folders .gitignore keeps out of the repository (`data/`, `dist/`, …): a link there breaks in a clone. */
const IGNORED_DIRS = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.endsWith('/') && !line.startsWith('#'))
  .map((line) => line.replace(/^\//, ''));

/** What is wrong with one link of `file`, or null when it resolves to a file or folder of the repository. */
function linkProblem(file: string, target: string): string | null {
  if (/^(https?|mailto):/i.test(target)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'is not a web link nor a path in the repository';
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const fragment = hash < 0 ? '' : decodeURIComponent(target.slice(hash + 1));
  if (path.startsWith('/') || isAbsolute(path)) return 'is an absolute path; link relative to the file';
  const resolved = path === '' ? file : resolve(dirname(file), path);
  const inRepo = relative(ROOT, resolved).split('\\').join('/');
  if (inRepo.startsWith('..') || isAbsolute(inRepo)) return 'points outside the repository';
  if (IGNORED_DIRS.some((dir) => `${inRepo}/`.startsWith(dir))) return 'points into a folder git ignores';
  if (!existsSync(resolved)) return 'names no file of the repository';
  if (
    fragment !== '' &&
    resolved.endsWith('.md') &&
    !anchorsOf(readFileSync(resolved, 'utf8')).has(fragment)
  ) {
    return `names no heading #${fragment} of ${inRepo}`;
  }
  return null;
}

describe('README.md and docs/ link only files of the repository', () => {
  const files = markdownFiles();

  it('finds the guide among the files it checks', () => {
    expect(files).toContain(GUIDE_FILE);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('every relative link of %s resolves', (_name, file) => {
    const markdown = readFileSync(file, 'utf8');
    const problems = linkTargets(markdown)
      .map((target) => ({ target, problem: linkProblem(file, target) }))
      .filter((p) => p.problem !== null)
      .map((p) => `${p.target} ${p.problem}`);
    expect(problems).toEqual([]);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s names no design document outside the repository',
    (_name, file) => {
      const markdown = readFileSync(file, 'utf8');
      expect(markdown).not.toMatch(/\.\.\/shared\b|\/work\/shared\b/);
    },
  );

  it('README.md sends readers to docs/domain.md, not to a DOMAIN.md the repository does not have', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/domain.md');
    expect(readme).not.toMatch(/\bDOMAIN\.md\b/);
  });

  it('docs/architecture.md links the guide', () => {
    expect(readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8')).toContain('](domain.md');
  });
});
