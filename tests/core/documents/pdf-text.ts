// Reads the text of a PDF that pdfkit wrote with its standard fonts: inflates
// each content stream and decodes the hex strings of its TJ operators
// (WinAnsi, one byte per character). Enough to check what a receipt says.
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const parts = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>|(-?\d+(?:\.\d+)?)/g)];
      let line = '';
      for (const p of parts) {
        if (p[1] !== undefined) line += Buffer.from(p[1], 'hex').toString('latin1');
        // A large negative kerning gap is a space pdfkit wrote as spacing.
        else if (Number(p[2]) < -200) line += ' ';
      }
      out.push(line);
    }
    streams.lastIndex = end;
  }
  return out.join('\n');
}
