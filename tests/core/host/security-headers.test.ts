// The Content-Security-Policy both hosts send, and the copy of it in
// renderer/index.html: the same directives (the meta tag cannot carry
// frame-ancestors), no plugins, and nothing loosened for the PDF preview,
// whose pdf.js worker is a file of our own origin.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/host/security-headers';

const directives = (policy: string): Map<string, string> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );

const metaPolicy = (): string => {
  const html = readFileSync(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('renderer/index.html has no CSP meta tag');
  return m[1];
};

describe('the content security policy', () => {
  const header = directives(contentSecurityPolicy);

  it('allows no plugins and no scripts or workers from blob: or eval', () => {
    expect(header.get('object-src')).toBe("'none'");
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('default-src')).toBe("'self'");
    // worker-src falls back to script-src: the pdf.js worker is served from 'self'.
    expect(header.has('worker-src')).toBe(false);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
  });

  it('is the same policy in the renderer page as in the header', () => {
    const meta = directives(metaPolicy());
    const expected = new Map(header);
    expected.delete('frame-ancestors');
    expect(meta).toEqual(expected);
  });
});
