// The preview of an attached PDF: pdf.js draws one page at a time into a
// <canvas>, the first at once, with a "Page N of M" pager. pdf.js is loaded on
// first use (pdf-document.ts, a dynamic import), so a chart that never shows a
// PDF never pays for it. The canvas is labelled for screen readers; the text
// itself is in the saved copy, which the row offers beside the preview.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import type { OpenedPdf } from './pdf-document';

// Wider pages are scaled down to this; narrower panels shrink it further.
const MAX_CSS_WIDTH = 800;

export function PdfPreview({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [pageNumber, setPageNumber] = useState(1);
  const [drawnPage, setDrawnPage] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  // Other bytes are another document: the row mounts a new preview (keyed by
  // its blob: URL), so this effect never has to reset the state of an old one.
  useEffect(() => {
    let opened: OpenedPdf | null = null;
    let cancelled = false;
    import('./pdf-document')
      .then(({ openPdf }) => {
        if (cancelled) return;
        opened = openPdf(bytes);
        return opened.promise.then((d) => {
          if (!cancelled) setDoc(d);
        });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    const el = canvas.current;
    if (!doc || !el) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    doc
      .getPage(pageNumber)
      .then((page) => {
        if (cancelled) return;
        const natural = page.getViewport({ scale: 1 });
        const cssWidth = Math.min(box.current?.clientWidth || MAX_CSS_WIDTH, MAX_CSS_WIDTH);
        const cssScale = cssWidth / natural.width;
        // Drawn at the screen's pixel density, shown at the CSS size: sharp text on HiDPI screens.
        const viewport = page.getViewport({ scale: cssScale * (window.devicePixelRatio || 1) });
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        el.style.width = `${Math.floor(natural.width * cssScale)}px`;
        el.style.height = `${Math.floor(natural.height * cssScale)}px`;
        task = page.render({ canvas: el, viewport });
        return task.promise.then(() => {
          if (!cancelled) setDrawnPage(pageNumber);
        });
      })
      .catch(() => {
        // A cancelled render (the user turned the page, or closed the preview) is not a failure.
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber]);

  if (failed)
    return (
      <p role="alert" className="documents-list__preview">
        This PDF could not be shown here. Save a copy to open it in another program.
      </p>
    );
  if (!doc)
    return (
      <p role="status" className="documents-list__preview">
        Opening the PDF…
      </p>
    );
  const pages = doc.numPages;
  return (
    <div ref={box} className="documents-list__preview pdf-preview">
      <div className="pdf-preview__pager">
        {pages > 1 && (
          <button
            type="button"
            className="button"
            disabled={pageNumber <= 1}
            onClick={() => setPageNumber((n) => Math.max(1, n - 1))}
          >
            Previous page
          </button>
        )}
        <p aria-live="polite">
          Page {pageNumber} of {pages}
        </p>
        {pages > 1 && (
          <button
            type="button"
            className="button"
            disabled={pageNumber >= pages}
            onClick={() => setPageNumber((n) => Math.min(pages, n + 1))}
          >
            Next page
          </button>
        )}
      </div>
      <canvas
        // A new canvas per page: pdf.js refuses two renders into one canvas,
        // and the old page's render may still be winding down.
        key={pageNumber}
        ref={canvas}
        className="pdf-preview__page"
        role="img"
        aria-label={`Preview of ${title}, page ${pageNumber} of ${pages}`}
        // Set once the page is painted, so tests and scripts can wait for it.
        data-painted={drawnPage === pageNumber ? 'true' : 'false'}
      />
    </div>
  );
}
