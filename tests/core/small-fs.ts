// A small real file system for disk-full tests: a tmpfs of a few megabytes,
// mounted for the test (CI runs as root), or the folder named by
// EHRBS_SMALL_FS (a developer's own small mount) when not root. Fill it to
// the last byte with `fill()`; `free()` gives the space back.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallFs {
  dir: string;
  /** Writes a filler file until the file system refuses (ENOSPC). */
  fill(): void;
  free(): void;
  cleanup(): void;
}

export function smallFs(megabytes = 8): SmallFs {
  const given = process.env.EHRBS_SMALL_FS;
  let dir: string;
  let unmount = () => {};
  if (given) {
    dir = mkdtempSync(join(given, 'ehrbs-full-'));
  } else if (process.getuid?.() === 0) {
    dir = mkdtempSync(join(tmpdir(), 'ehrbs-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir]);
    unmount = () => execFileSync('umount', [dir]);
  } else {
    throw new Error(
      'The disk-full tests need a small file system: run them as root (they mount a tmpfs) or set EHRBS_SMALL_FS to a folder on a small mount.',
    );
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (let size = chunk.length; size >= 1;) {
          try {
            writeSync(fd, chunk, 0, size);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
            size = Math.floor(size / 2);
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    cleanup() {
      unmount();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
