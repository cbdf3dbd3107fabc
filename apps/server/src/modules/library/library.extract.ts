/** Text out of uploaded PDF, DOCX and PPTX files (for search and the assistant). Problems → ExtractError. */
import { SaxesParser } from 'saxes';
import { Zip, ZipError } from '../roster-import/zip-reader.ts';

export class ExtractError extends Error {}

const MAX_PART = 50 * 1024 * 1024;

export async function extractPdf(buf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, 2000); i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
    }
    await doc.destroy();
    return pages.join('\n').normalize('NFC');
  } catch (err) {
    throw new ExtractError(err instanceof Error ? err.message : String(err));
  }
}

function xmlText(xml: Buffer, paragraphTag: string, textTag: string): string {
  const parser = new SaxesParser();
  const out: string[] = [];
  let para = '';
  let inText = false;
  parser.on('opentag', (t) => {
    if (t.name === textTag) inText = true;
    else if (t.name === 'w:tab') para += ' ';
    else if (t.name === 'w:br' || t.name === 'a:br') para += '\n';
  });
  parser.on('closetag', (t) => {
    if (t.name === textTag) inText = false;
    else if (t.name === paragraphTag) {
      out.push(para);
      para = '';
    }
  });
  parser.on('text', (s) => {
    if (inText) para += s;
  });
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (err) {
    throw new ExtractError(err instanceof Error ? err.message : String(err));
  }
  return out.join('\n').normalize('NFC');
}

function openZip(buf: Buffer): Zip {
  try {
    return new Zip(buf, MAX_PART);
  } catch (err) {
    throw new ExtractError(err instanceof ZipError ? err.message : String(err));
  }
}

export function extractDocx(buf: Buffer): string {
  const zip = openZip(buf);
  let xml: Buffer | null;
  try {
    xml = zip.read('word/document.xml');
  } catch (err) {
    throw new ExtractError(String(err));
  }
  if (!xml) throw new ExtractError('no word/document.xml');
  return xmlText(xml, 'w:p', 'w:t');
}

export function extractPptx(buf: Buffer): string {
  const zip = openZip(buf);
  const out: string[] = [];
  for (let i = 1; i <= 500; i++) {
    let xml: Buffer | null;
    try {
      xml = zip.read(`ppt/slides/slide${i}.xml`);
    } catch (err) {
      throw new ExtractError(String(err));
    }
    if (!xml) break;
    out.push(`${i}. Trang chiếu ${i}`, xmlText(xml, 'a:p', 'a:t'));
  }
  return out.join('\n');
}
