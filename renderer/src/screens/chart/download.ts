// Offers a file the core made (a PDF as base64, or JSON text) as a download,
// the way billing offers its invoices: an object URL on a temporary link.
export function offerDownload(fileName: string, bytes: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export const offerPdf = (doc: { fileName: string; base64: string }): void =>
  offerDownload(
    doc.fileName,
    Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0)),
    'application/pdf',
  );
