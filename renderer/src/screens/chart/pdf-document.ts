// pdf.js, set up for the app: loaded only through a dynamic import (see
// PdfPreview), so the chart's first paint never downloads or parses it.
// Chromium's own PDF viewer is a plugin, and the app window keeps plugins off
// (electron/main/window-options.ts), so an <object> would show nothing there.
//
// Under the app's Content-Security-Policy (electron/core/host/security-headers.ts):
// - the worker is a file of our own build (Vite's `?url` import), served from
//   the app's origin, so `default-src 'self'` / `script-src 'self'` already
//   allow it and the policy needs no worker-src or blob: entry. We start it
//   ourselves and hand pdf.js the port: pdf.js would otherwise wrap a URL it
//   cannot prove same-origin (an app:// page may report its origin as "null")
//   in a blob: script, which the CSP refuses, and fall back to the main thread;
// - no eval: isEvalSupported is off, so pdf.js does not even probe new Function;
// - no WebAssembly (that would need 'wasm-unsafe-eval'): useWasm is off, and
//   pdf.js decodes the rare JPEG 2000 / JBIG2 image with its JavaScript decoders;
// - the bytes are passed in memory, so pdf.js fetches nothing for the document.
// The `?url` import's type; named here because the root tsconfig (tests)
// reaches this file through the chart screen without the renderer's types.
/// <reference types="vite/client" />
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// One worker for the app's lifetime, started on the first PDF and shared by
// every document after it (pdf.js keeps one transport per document over it).
let worker: Worker | null = null;

export type { PDFDocumentProxy };

export interface OpenedPdf {
  promise: Promise<PDFDocumentProxy>;
  /** Stops the parse and ends the worker's copy of the document. */
  destroy(): Promise<void>;
}

export function openPdf(bytes: Uint8Array): OpenedPdf {
  worker ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  GlobalWorkerOptions.workerPort = worker;
  const task = getDocument({
    // A copy: pdf.js transfers the buffer to its worker, which detaches it.
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    // Links and forms are not shown: the preview is a picture of each page.
    enableXfa: false,
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}
