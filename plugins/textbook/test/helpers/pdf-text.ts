import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

/** The text drawn on each page of a PDF made by pdf-lib with Helvetica (its strings are written as hex). */
export async function pageTexts(bytes: Buffer): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
    let text = '';
    for (const ref of streams) {
      const stream = pdf.context.lookup(ref as never) as { getContents(): Uint8Array } | undefined;
      if (!stream) continue;
      let raw = Buffer.from(stream.getContents());
      try { raw = inflateSync(raw); } catch { /* not compressed */ }
      for (const [, hex] of raw.toString('latin1').matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) text += `${Buffer.from(hex!, 'hex').toString('latin1')}\n`;
    }
    return text;
  });
}

