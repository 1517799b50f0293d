import { ApiError } from '../api.ts';
import { type EntryIssue, type parseRegimeCsv, recordRegime } from './api.ts';

/** Entries per request of a bulk upload that is not all or nothing. */
export const CHUNK = 2000;

/** A problem with one line of the file: the line number (1 is the header), the field and what is wrong. */
export interface LineIssue {
  line: number;
  field: string;
  message: string;
  /** True when the message is the server's (English); false when it is the page's own, translated. */
  server: boolean;
}

/** Where an upload stands, and what it did. */
export interface UploadState {
  phase: 'idle' | 'reading' | 'sending' | 'done' | 'stopped';
  file: string;
  /** Entries in the file that passed the page's own checks. */
  total: number;
  /** Entries sent so far (each request's entries once it answered). */
  sent: number;
  recorded: number;
  issues: LineIssue[];
  /** True when nothing was recorded because of all or nothing. */
  nothingRecorded: boolean;
  allOrNothing: boolean;
  error: ApiError | null;
  /** The line the upload stopped before, after an error or when the reader stopped it. */
  stoppedAt: number | null;
}

/** No upload yet. */
export const IDLE: UploadState = {
  phase: 'idle',
  file: '',
  total: 0,
  sent: 0,
  recorded: 0,
  issues: [],
  nothingRecorded: false,
  allOrNothing: false,
  error: null,
  stoppedAt: null,
};

/**
 * Sends a file's entries: in ONE request when all or nothing, else in requests of `CHUNK`, reporting the
 * state after each; every refused entry is listed with its line in the file. Returns the final state.
 */
export async function sendEntries(
  facility: string,
  entries: ReturnType<typeof parseRegimeCsv>['entries'],
  start: UploadState,
  onProgress: (state: UploadState) => void,
  stopped: () => boolean,
): Promise<UploadState> {
  const total = entries.length;
  const size = start.allOrNothing ? total : CHUNK;
  let current = start;
  for (let from = 0; from < total; from += size) {
    if (stopped()) {
      current = { ...current, phase: 'stopped', stoppedAt: entries[from]?.line ?? null };
      break;
    }
    const chunk = entries.slice(from, from + size);
    try {
      const report = await recordRegime(
        facility,
        chunk.map((c) => c.entry),
        start.allOrNothing,
      );
      const refused = report.rejected.flatMap((r) =>
        r.issues.map((issue: EntryIssue) => ({
          line: chunk[r.line - 1]?.line ?? r.line,
          field: issue.field,
          message: issue.message,
          server: true,
        })),
      );
      current = {
        ...current,
        sent: current.sent + chunk.length,
        recorded: current.recorded + report.recorded,
        issues: [...current.issues, ...refused],
        nothingRecorded: report.rolledBack,
      };
    } catch (caught) {
      current = {
        ...current,
        phase: 'stopped',
        error: caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) }),
        stoppedAt: chunk[0]?.line ?? null,
      };
      break;
    }
    onProgress(current);
  }
  if (current.phase === 'sending') current = { ...current, phase: 'done' };
  return { ...current, issues: [...current.issues].sort((a, b) => a.line - b.line) };
}
