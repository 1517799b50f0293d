import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateRoster } from './roster.js';
import { parseWriteRosterArgs, writeNdjson } from './write-roster.js';

/** A slow sink with a tiny buffer that counts writes made while it had asked the writer to wait. */
function slowSink(): { sink: Writable; text: () => string; writesWhileFull: () => number } {
  const parts: string[] = [];
  let writesWhileFull = 0;
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk.toString('utf8'));
      setImmediate(callback);
    },
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: string) => {
    if (sink.writableNeedDrain) writesWhileFull++;
    return write(chunk);
  }) as Writable['write'];
  return { sink, text: () => parts.join(''), writesWhileFull: () => writesWhileFull };
}

describe('writeNdjson', () => {
  it('writes one JSON person per line, waiting for drain', async () => {
    const { sink, text, writesWhileFull } = slowSink();
    const written = await writeNdjson(generateRoster({ count: 2000, seed: 4 }), sink);
    expect(written).toBe(2000);
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(2000);
    expect(lines.map((line) => JSON.parse(line))).toEqual([...generateRoster({ count: 2000, seed: 4 })]);
    // Every chunk overflows the 1 KiB buffer, so each later write must have waited for 'drain'.
    expect(writesWhileFull()).toBe(0);
  });
});

describe('parseWriteRosterArgs', () => {
  it('reads count, seed, as-of and out', () => {
    expect(parseWriteRosterArgs(['--count', '1_500_000', '--seed', '2025', '--out', 'r.ndjson'])).toEqual({
      count: 1_500_000,
      seed: 2025,
      asOf: undefined,
      out: 'r.ndjson',
    });
    expect(parseWriteRosterArgs(['--count', '3', '--seed=-1', '--as-of', '2025-04-01']).asOf).toBe(
      '2025-04-01',
    );
  });

  it('says what is wrong and shows the usage', () => {
    expect(() => parseWriteRosterArgs(['--seed', '1'])).toThrow(/--count is missing\nusage:/);
    expect(() => parseWriteRosterArgs(['--count', 'ten', '--seed', '1'])).toThrow(
      /--count must be a whole number/,
    );
    expect(() => parseWriteRosterArgs(['--count', '1', '--seed', '1', '--bogus'])).toThrow();
  });
});
