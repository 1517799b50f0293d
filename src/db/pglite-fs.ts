import { fsyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite's Node file system with a working fsync. Emscripten's NODEFS has no `fsync` stream operation, so
 * PostgreSQL's fsync() inside PGlite returned without reaching the disk: the WAL at commit and the data
 * files at a checkpoint sat in the operating system's cache. This file system gives every NODEFS stream
 * the fsync it lacks (fsync(2) on the file's real descriptor), so that with `fsync = on` and
 * `wal_sync_method = fsync` PostgreSQL's own rules hold: a commit returns once its WAL is on disk, and a
 * checkpoint syncs the data files before it moves the redo point and lets old WAL go (decision 0035).
 *
 * A failed fsync answers EIO, and PostgreSQL then stops rather than carry on as if the write were safe.
 */
export class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        preRun: [...(emscriptenOpts.preRun ?? []), giveNodefsFsync],
      },
    };
  }
}

/** The emscripten module's NODEFS, which PGlite's types do not name. */
interface WithNodefs {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } };
}

/** Emscripten's errno for EIO. */
const EIO = 29;

let syncs = 0;

/** How many fsyncs PGlite has asked of the disk in this process: for the write benchmark and the tests. */
export function pgliteSyncs(): number {
  return syncs;
}

function giveNodefsFsync(mod: unknown): void {
  // Every NODEFS node shares this one `stream_ops` object, so one assignment covers every file and
  // directory, those opened before it included.
  (mod as WithNodefs).NODEFS.stream_ops.fsync = (stream) => {
    if (stream.nfd === undefined) return 0;
    try {
      fsyncSync(stream.nfd);
      syncs++;
      return 0;
    } catch {
      return EIO;
    }
  };
}
