// One-time links for the browser host to hand a file to the browser's own
// download (a navigation cannot carry the API's secret header). A token is 256
// random bits, issued only through an authorized API call, usable once, and
// only for a minute, so one seen later in the browser's history opens nothing.
import { randomBytes } from 'node:crypto';

export interface DownloadFile {
  path: string;
  fileName: string;
}

const TTL_MS = 60_000;

export class DownloadTokens {
  private readonly open = new Map<string, DownloadFile & { expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  issue(file: DownloadFile): string {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    this.open.set(token, { ...file, expiresAt: this.now() + TTL_MS });
    return token;
  }

  /** The file of a live token, which is used up by this call; null otherwise. */
  take(token: string): DownloadFile | null {
    const found = this.open.get(token);
    this.open.delete(token);
    if (!found || found.expiresAt < this.now()) return null;
    return { path: found.path, fileName: found.fileName };
  }

  private sweep(): void {
    const now = this.now();
    for (const [t, f] of this.open) if (f.expiresAt < now) this.open.delete(t);
  }
}
