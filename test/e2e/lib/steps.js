// The step runner and the run's results: every step and every accessibility scan is one check, and the
// run ends with `N passed, N failed`.

/** Every check of the run, in order: `{ name, ok }`. */
export const results = [];

/** Prints one line of the run's report. */
export function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Throws `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Records one check that does not stop the run when it fails (an accessibility scan). */
export function record(name, ok, detail = '') {
  results.push({ name, ok });
  log(`${ok ? 'ok      ' : 'FAILED  '} ${name}${detail ? `\n${detail}` : ''}`);
}

/**
 * Runs the steps in order; a step that fails stops the run, and the steps after it count as failed.
 * `after` runs after each step that passed (the accessibility scan of the page it ended on); `failed`
 * runs once, after the step that failed (what the page showed then, for whoever reads the report).
 */
export async function runSteps(steps, after = async () => {}, failed = async () => {}) {
  let stopped = null;
  for (const [name, fn] of steps) {
    if (stopped) {
      results.push({ name, ok: false });
      log(`not run  ${name} (stopped after: ${stopped})`);
      continue;
    }
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      log(`ok       ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name, ok: false });
      stopped = name;
      log(
        `FAILED   ${name}\n         ${String(error?.stack ?? error)
          .split('\n')
          .join('\n         ')}`,
      );
      await failed(name).catch((error) =>
        log(`         (nothing more could be read: ${error?.message ?? error})`),
      );
      continue;
    }
    // Each scan records its own check; anything else that goes wrong after the step is a failed check too.
    await after(name).catch((error) =>
      record(`the check after: ${name}`, false, `         ${String(error?.message ?? error)}`),
    );
  }
}

/** The counts of the run so far. */
export function tally() {
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed };
}
