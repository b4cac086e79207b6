import { execFile } from 'node:child_process';
import { projectRoot } from '../../server/src/config/paths';

/*
 * Reading a PDF's text back, as a person's PDF reader would show it: pdfjs is
 * ESM-only and uses import.meta, so it runs in a child Node process (real ESM) that prints the text of each page.
 */
const PDF_TEXT_SCRIPT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n += 1) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '') + (item.hasEOL ? '\\n' : '')).join(''));
}
const { info } = await doc.getMetadata();
process.stdout.write(JSON.stringify({ pages, info }));
`;

export interface PdfText {
  /** All pages, whitespace collapsed (a wrapped line reads as one). */
  text: string;
  pages: string[];
  info: Record<string, unknown>;
}

/** The text of a PDF, page by page, as pdfjs-dist reads it. */
export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', PDF_TEXT_SCRIPT], { cwd: projectRoot, maxBuffer: 10_000_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pdfjs failed: ${stderr || error.message}`));
      const parsed = JSON.parse(stdout) as { pages: string[]; info: Record<string, unknown> };
      resolve({ ...parsed, text: parsed.pages.join(' ').replace(/\s+/g, ' ') });
    });
    child.stdin!.end(pdf);
  });
}

