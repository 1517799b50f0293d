import type { FieldIssue } from '../core/errors.js';
import type { PersonRecord } from './model.js';

// The physical lines of an import file, and what the NDJSON and CSV readers share: the row they yield,
// the reader's shape, and the bounded memory of recent refs.

/** One person read from a file: the validated record, or every problem found in it. */
export type ParsedRow =
  | { line: number; ok: true; record: PersonRecord }
  | { line: number; ok: false; ref?: string; issues: FieldIssue[] };

/** Anything that yields the file's bytes or text in chunks, e.g. `fs.createReadStream(path)`. */
export type ChunkSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

// A person is a few kilobytes; anything this long is a broken file (a missing newline or an unclosed
// quote) and holding it would break the flat-memory promise.
export const MAX_LINE_CHARS = 1_000_000;
// Remembering every ref would grow with the file, so only the most recent ones are kept: a ref that
// reappears within 50,000 people is always reported here (within 100,000, sometimes); the importer must still refuse a second
// occurrence further apart (it knows which refs this import has already written).
const RECENT_REF_WINDOW = 100_000;

/** One line of the file as read, without its line break. */
export interface PhysicalLine {
  line: number;
  text: string;
  /** The line ended in CRLF; inside a quoted CSV field the CR is part of the value. */
  cr: boolean;
  tooLong: boolean;
}

/** Splits decoded text into lines, whatever the chunk boundaries (even inside a UTF-8 character). */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private lineNo = 0;
  private started = false;
  private discarding = false;

  *push(chunk: string | Uint8Array): Generator<PhysicalLine> {
    // A string chunk after bytes: flush the decoder first so no half character is lost silently.
    const text =
      typeof chunk === 'string'
        ? this.decoder.decode() + chunk
        : this.decoder.decode(chunk, { stream: true });
    yield* this.split(text);
  }

  *end(): Generator<PhysicalLine> {
    yield* this.split(this.decoder.decode());
    if (this.pending !== '' || this.discarding) yield this.emit(this.pending);
    this.pending = '';
  }

  private *split(decoded: string): Generator<PhysicalLine> {
    let text = decoded;
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const buf = this.pending + text;
    let start = 0;
    let from = this.pending.length;
    for (;;) {
      const nl = buf.indexOf('\n', from);
      if (nl === -1) break;
      yield this.emit(buf.slice(start, nl));
      start = nl + 1;
      from = start;
    }
    this.pending = buf.slice(start);
    if (this.pending.length > MAX_LINE_CHARS) {
      this.discarding = true;
      this.pending = '';
    }
  }

  private emit(raw: string): PhysicalLine {
    this.lineNo++;
    if (this.discarding) {
      this.discarding = false;
      return { line: this.lineNo, text: '', cr: false, tooLong: true };
    }
    const cr = raw.endsWith('\r');
    return { line: this.lineNo, text: cr ? raw.slice(0, -1) : raw, cr, tooLong: false };
  }
}

/** A format's reader: fed line by line, it yields people; `stopped` means the rest cannot be trusted. */
export interface RowReader {
  stopped: boolean;
  line(line: PhysicalLine): Generator<ParsedRow>;
  end(): Generator<ParsedRow>;
}

/** Bounded memory of recently seen refs, to catch the same person twice in one file. */
export class RecentRefs {
  // Two generations rather than evicting one key at a time: deleting a Map's oldest key leaves
  // tombstones that every later "oldest" lookup walks over, which made long files quadratic.
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  /** Records `ref` at `line`; returns the line it was seen on before, if it was. */
  check(ref: string, line: number): number | undefined {
    const before = this.current.get(ref) ?? this.previous.get(ref);
    if (before !== undefined) return before;
    this.current.set(ref, line);
    if (this.current.size >= RECENT_REF_WINDOW / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
    return undefined;
  }
}
