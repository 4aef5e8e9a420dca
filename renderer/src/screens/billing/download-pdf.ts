// Saves a PDF the core sent as base64 (both transports carry JSON) through a Blob URL.
export function downloadPdf(doc: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.fileName;
  a.click();
  URL.revokeObjectURL(url);
}
