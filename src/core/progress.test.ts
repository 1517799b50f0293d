import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from './progress.js';

function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { output: string[] } {
  const output: string[] = [];
  return {
    isTTY,
    columns,
    output,
    write(text: string) {
      output.push(text);
      return true;
    },
  };
}

function fakeTime(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('createProgress on a terminal', () => {
  it('draws one line with bar, percent, count, rate and ETA, at most ten times a second', () => {
    const stream = fakeStream(true, 120);
    const time = fakeTime();
    const p = createProgress({ label: 'Importing people', total: 10_000, stream, now: time.now });
    p.update(100);
    expect(stream.output).toEqual([]);
    time.advance(1_000);
    p.update(2_500);
    expect(stream.output).toEqual([
      `\rImporting people: [######------------------] 25% 2,500/10,000 2,500/s ETA 3.0s\x1b[K`,
    ]);
    for (let i = 1; i <= 9; i++) {
      time.advance(10);
      p.update(2_500 + i);
    }
    expect(stream.output).toHaveLength(1);
    time.advance(10);
    p.update(2_600);
    expect(stream.output).toHaveLength(2);
    p.finish();
    expect(stream.output.at(-1)).toBe(
      '\rImporting people: [######------------------] 26% 2,600/10,000 2,364/s in 1.1s\x1b[K\n',
    );
    p.update(9_999);
    p.finish();
    expect(stream.output).toHaveLength(3);
  });

  it('prints nothing for a job that ends before the first draw', () => {
    const stream = fakeStream(true);
    const time = fakeTime();
    const p = createProgress({ label: 'Screening', total: 3, stream, now: time.now });
    p.update(1);
    time.advance(50);
    p.update(3);
    p.finish();
    expect(stream.output).toEqual([]);
  });

  it('fits the terminal width and works without a total', () => {
    const stream = fakeStream(true, 20);
    const time = fakeTime();
    const p = createProgress({ label: 'Replaying ledger events', stream, now: time.now });
    time.advance(2_000);
    p.update(5_000);
    expect(stream.output).toEqual(['\rReplaying ledger ev\x1b[K']);
  });
});

describe('createProgress in a log', () => {
  it('prints a plain line every five seconds and a closing line', () => {
    const stream = fakeStream(false);
    const time = fakeTime();
    const p = createProgress({ label: 'Importing people', total: 1_000_000, stream, now: time.now });
    time.advance(1_000);
    p.update(100_000);
    expect(stream.output).toEqual([]);
    time.advance(4_000);
    p.update(500_000);
    time.advance(1_000);
    p.update(600_000);
    time.advance(4_000);
    p.update(1_000_000);
    p.finish();
    expect(stream.output).toEqual([
      'Importing people: 50% 500,000/1,000,000 100,000/s ETA 5.0s\n',
      'Importing people: 100% 1,000,000/1,000,000 100,000/s\n',
      'Importing people: 100% 1,000,000/1,000,000 100,000/s in 10s\n',
    ]);
  });

  it('still records a quick job with one closing line', () => {
    const stream = fakeStream(false);
    const time = fakeTime();
    const p = createProgress({ label: 'Importing people', stream, now: time.now });
    time.advance(250);
    p.update(42);
    p.finish();
    expect(stream.output).toEqual(['Importing people: 42 168/s in 0.3s\n']);
  });
});
