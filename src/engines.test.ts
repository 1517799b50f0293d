import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The README promises Node 20.19: every package `npm ci` installs must accept it, or npm warns EBADENGINE
 * (and a package that truly needs Node 22 may break at run time).
 */
const lock: { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> } =
  JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const manifest: { engines: { node: string } } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);

describe('Node engines', () => {
  const promised = semver.minVersion(manifest.engines.node)?.version ?? '';

  it('the project promises Node 20.19 or later', () => {
    expect(promised).toBe('20.19.0');
  });

  it('every installed package accepts the Node version the project promises', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
        return range && !semver.satisfies(promised, range, { includePrerelease: true })
          ? [`${path.replace(/^.*node_modules\//, '')} wants node ${range}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });
});
