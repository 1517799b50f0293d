import { TextDecoder } from 'node:util';
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

/** The encodings an import file may be read in: UTF-8 (checked strictly), or Latin-1 when asked for. */
export type ImportEncoding = 'utf8' | 'latin1';

/** One line of the file as read, without its line break. */
export interface PhysicalLine {
  line: number;
  text: string;
  /** The line ended in CRLF; inside a quoted CSV field the CR is part of the value. */
  cr: boolean;
  tooLong: boolean;
  /** The line's bytes were not UTF-8: `text` holds U+FFFD where they were wrong. */
  notUtf8?: boolean;
}

// A line's bytes are held until its newline; a line of MAX_LINE_CHARS characters takes at most four bytes
// each in UTF-8.
const MAX_LINE_BYTES = MAX_LINE_CHARS * 4;
const NEWLINE = 0x0a;

/**
 * Splits a file into lines, whatever the chunk boundaries (even inside a UTF-8 character). Bytes are
 * split at each newline first (0x0A is a newline in UTF-8 and Latin-1 alike) and each line decoded on its
 * own, strictly: a line that is not UTF-8 is marked, so the reader names the line and field instead of
 * storing U+FFFD. With `latin1`, every byte is a character (Windows-1252, as the WHATWG decoder reads it).
 */
export class LineSplitter {
  private readonly strict: TextDecoder;
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  private pending = '';
  private bytes: Uint8Array[] = [];
  private byteCount = 0;
  private lineNo = 0;
  private started = false;
  private discarding = false;

  constructor(encoding: ImportEncoding = 'utf8') {
    this.strict =
      encoding === 'latin1'
        ? new TextDecoder('latin1')
        : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  }

  *push(chunk: string | Uint8Array): Generator<PhysicalLine> {
    if (typeof chunk !== 'string') {
      yield* this.splitBytes(chunk);
      return;
    }
    // A string chunk after bytes: the bytes held so far start the text.
    const held = this.takeBytes();
    yield* this.split(held === undefined ? chunk : this.decode(held).text + chunk);
  }

  *end(): Generator<PhysicalLine> {
    const held = this.takeBytes();
    if (held !== undefined) {
      if (this.discarding) yield this.emit('', false);
      else yield this.emitDecoded(held);
      return;
    }
    if (this.pending !== '' || this.discarding) yield this.emit(this.pending, false);
    this.pending = '';
  }

  private *splitBytes(chunk: Uint8Array): Generator<PhysicalLine> {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      const part = chunk.subarray(start, nl);
      start = nl + 1;
      if (this.pending !== '') {
        // Text came before these bytes (mixed chunks): finish that line as text.
        const text = this.pending + this.decode(this.joined(part)).text;
        this.pending = '';
        yield this.emit(text, false);
        continue;
      }
      if (this.discarding) {
        this.takeBytes();
        yield this.emit('', false);
        continue;
      }
      yield this.emitDecoded(this.joined(part));
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0) return;
    if (this.discarding) return;
    this.bytes.push(rest);
    this.byteCount += rest.length;
    if (this.byteCount > MAX_LINE_BYTES) {
      this.discarding = true;
      this.bytes = [];
      this.byteCount = 0;
    }
  }

  /** The bytes held so far followed by `part`, and nothing held afterwards. */
  private joined(part: Uint8Array): Uint8Array {
    if (this.bytes.length === 0) return part;
    this.bytes.push(part);
    const all = Buffer.concat(this.bytes);
    this.bytes = [];
    this.byteCount = 0;
    return all;
  }

  private takeBytes(): Uint8Array | undefined {
    if (this.bytes.length === 0) return undefined;
    const all = Buffer.concat(this.bytes);
    this.bytes = [];
    this.byteCount = 0;
    return all;
  }

  private decode(bytes: Uint8Array): { text: string; notUtf8: boolean } {
    try {
      return { text: this.strict.decode(bytes), notUtf8: false };
    } catch {
      return { text: this.lenient.decode(bytes), notUtf8: true };
    }
  }

  private emitDecoded(bytes: Uint8Array): PhysicalLine {
    const { text, notUtf8 } = this.decode(bytes);
    const line = this.emit(this.started ? text : this.withoutBom(text), notUtf8);
    if (line.text.length > MAX_LINE_CHARS) return { ...line, text: '', tooLong: true, notUtf8: false };
    return line;
  }

  private withoutBom(text: string): string {
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private *split(decoded: string): Generator<PhysicalLine> {
    let text = decoded;
    if (!this.started && text !== '') text = this.withoutBom(text);
    const buf = this.pending + text;
    let start = 0;
    let from = this.pending.length;
    for (;;) {
      const nl = buf.indexOf('\n', from);
      if (nl === -1) break;
      yield this.emit(buf.slice(start, nl), false);
      start = nl + 1;
      from = start;
    }
    this.pending = buf.slice(start);
    if (this.pending.length > MAX_LINE_CHARS) {
      this.discarding = true;
      this.pending = '';
    }
  }

  private emit(raw: string, notUtf8: boolean): PhysicalLine {
    this.lineNo++;
    if (this.discarding) {
      this.discarding = false;
      return { line: this.lineNo, text: '', cr: false, tooLong: true };
    }
    if (raw !== '') this.started = true;
    const cr = raw.endsWith('\r');
    const line = { line: this.lineNo, text: cr ? raw.slice(0, -1) : raw, cr, tooLong: false };
    return notUtf8 ? { ...line, notUtf8: true } : line;
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
