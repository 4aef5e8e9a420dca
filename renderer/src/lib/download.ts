// Saves text as a file through an <a download> on a Blob URL, which works in
// the browser host and in Electron alike (no Node file access needed).
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL is no longer needed after this task.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
