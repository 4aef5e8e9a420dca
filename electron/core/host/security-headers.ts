// The response headers every page of the app is served with, by the browser
// host (HTTP) and by Electron's app:// protocol alike, so both transports give
// the renderer the same strict Content Security Policy.
// Directives follow Electron's security checklist (#7, "Define a CSP"):
// only our own scripts, no framing, no <base> or form hijacking.

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes at runtime; inline styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  // blob: for previews of attached images, made from bytes the core returned.
  "img-src 'self' data: blob:",
  // No plugins: PDFs are drawn by pdf.js on a canvas (screens/chart/PdfPreview).
  // Its worker is a file of our build, so script-src 'self' (through default-src
  // for worker-src) already allows it: no worker-src or blob: entry is needed.
  "object-src 'none'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Older browsers ignore frame-ancestors; this covers them.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
