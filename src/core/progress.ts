/**
 * Progress for long CLI jobs (imports, replays), written to stderr so `--json` output on stdout stays
 * clean. On a terminal it redraws one line; in a log it prints a plain line now and then.
 */

/** Where progress is written: `process.stderr`, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What to show and where. */
export interface ProgressOptions {
  /** What is being counted, e.g. "Importing people". */
  label: string;
  /** The expected count, when known; adds a bar, a percentage and an estimate of time left. */
  total?: number;
  stream?: ProgressStream;
  /** Milliseconds from any fixed origin; injected so tests control time. */
  now?: () => number;
}

/** A running progress display. */
export interface Progress {
  /** Reports how many items are done so far (not an increment). */
  update(done: number): void;
  /** Prints the final state; later calls do nothing. */
  finish(): void;
}

// About ten redraws a second looks live without costing the job anything measurable.
const TTY_INTERVAL_MS = 100;
// Jobs shorter than this never show a bar, so quick commands don't flash one.
const TTY_FIRST_DRAW_MS = 500;
// A log file gets a line every few seconds: enough to see it is alive, not enough to flood it.
const PLAIN_INTERVAL_MS = 5_000;
const BAR_WIDTH = 24;

/**
 * Starts a progress display.
 * @example const p = createProgress({ label: 'Importing', total: rows }); p.update(n); p.finish();
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const { label, total } = options;
  const tty = stream.isTTY === true;
  const started = now();
  let done = 0;
  let lastDraw: number | undefined;
  let drawn = false;
  let finished = false;

  const describe = (elapsedMs: number, final: boolean): string => {
    const parts: string[] = [];
    const seconds = elapsedMs / 1000;
    const rate = seconds > 0 ? done / seconds : undefined;
    if (total !== undefined && total > 0) {
      const fraction = Math.min(1, done / total);
      if (tty) parts.push(bar(fraction));
      parts.push(`${Math.floor(fraction * 100)}%`, `${count(done)}/${count(total)}`);
    } else {
      parts.push(count(done));
    }
    if (rate !== undefined) parts.push(`${count(rate)}/s`);
    if (final) parts.push(`in ${duration(seconds)}`);
    else if (total !== undefined && rate && done < total)
      parts.push(`ETA ${duration((total - done) / rate)}`);
    return `${label}: ${parts.join(' ')}`;
  };

  const draw = (at: number, final: boolean): void => {
    const text = describe(at - started, final);
    if (tty) {
      const width = stream.columns && stream.columns > 1 ? stream.columns - 1 : undefined;
      // \r returns to the line start and \x1b[K clears what a longer previous line left behind.
      stream.write(`\r${width ? text.slice(0, width) : text}\x1b[K${final ? '\n' : ''}`);
    } else {
      stream.write(`${text}\n`);
    }
    lastDraw = at;
    drawn = true;
  };

  return {
    update(value: number): void {
      if (finished) return;
      done = value;
      const at = now();
      const due =
        lastDraw === undefined
          ? at - started >= (tty ? TTY_FIRST_DRAW_MS : PLAIN_INTERVAL_MS)
          : at - lastDraw >= (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS);
      if (due) draw(at, false);
    },
    finish(): void {
      if (finished) return;
      finished = true;
      // On a terminal a job too quick to have shown a bar leaves nothing behind; a log always gets
      // a closing line, so it records how much was done.
      if (tty && !drawn) return;
      draw(now(), true);
    },
  };
}

function bar(fraction: number): string {
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function duration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
