/**
 * The text a PDF made by pdfkit shows, line by line, so a test can read what
 * a person would: each content stream inflated, each TJ array's hex strings
 * joined (pdfkit splits words for kerning). Enough for pdfkit's standard
 * fonts, whose text is Latin-1; not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // Not a compressed content stream (a font or an image): it holds no text.
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      lines.push([...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}
