import PDFDocument from 'pdfkit';
import { mirrorBrackets, shapingText, visualOrder, wordDirection, type Direction } from './pdf-bidi';
import { ascender, cleanText, fontName, RTL_SUBSETS, textRuns, useFont, type FontWeight } from './pdf-fonts';

/**
 * A small document model for server-made PDFs: what to say, already translated and already limited to what the
 * reader may see. The renderer decides only how it looks. Nothing in it runs code from the data (pdfkit draws text;
 * no form JavaScript, no HTML, no browser).
 */
export interface PdfFact {
  label: string;
  value: string;
}

export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'facts'; rows: PdfFact[] }
  | { kind: 'list'; items: string[] }
  /** A titled entry with facts beneath it (an action of the plan). */
  | { kind: 'entry'; title: string; detail?: string; rows: PdfFact[] }
  /** A question with its choices as boxes, the chosen ones ticked and in bold (as on a paper form); a checkbox is one choice. */
  | { kind: 'choices'; label?: string; options: Array<{ text: string; checked: boolean }> };

export interface PdfDocumentModel {
  /** BCP 47 language of the text (the PDF's /Lang, read by screen readers). */
  language: string;
  /** Right-to-left documents are laid out from the right margin, label columns on the right. */
  direction: Direction;
  title: string;
  subtitle?: string;
  /** Document properties; keep personal data out of them (indexers read them). */
  info: { title: string; subject?: string };
  blocks: PdfBlock[];
  /** Footer per page, e.g. reference and "Page 1 of 3". */
  footer: (page: number, pages: number) => string;
  /** A line at the foot of every page, e.g. a confidentiality notice. */
  notice?: string;
}

const MARGIN = 50;
const LABEL_WIDTH = 150;
const GAP = 10;
const LINE_GAP = 1.5;
const COLOURS = { text: '#1a1a1a', heading: '#1f3a5f', muted: '#555555', rule: '#c8ced6' };
const SIZES = { title: 18, subtitle: 11, heading: 13, body: 10, footer: 8 };

type Doc = PDFKit.PDFDocument;

/** A piece of a word in one font, ready to draw. */
interface Piece {
  font: string;
  text: string;
  width: number;
  /** Shaped right to left by fontkit: never merged with its neighbours (pdfkit shapes a word with its trailing space). */
  rtl: boolean;
}
interface Word {
  pieces: Piece[];
  width: number;
  direction: Direction | null;
}

function measure(doc: Doc, font: string, size: number, text: string): number {
  return useFont(doc, font).fontSize(size).widthOfString(text);
}

/** A word as pieces of one font each (scripts need different subsets), in the order they are drawn. */
function wordOf(doc: Doc, text: string, weight: FontWeight, size: number): Word {
  const direction = wordDirection(text);
  const pieces = textRuns(direction === 'rtl' ? mirrorBrackets(text) : text, weight).map((run) => {
    const shaped = RTL_SUBSETS.has(run.subset) ? shapingText(run.text) : run.text;
    return { font: run.font, text: shaped, width: measure(doc, run.font, size, shaped), rtl: RTL_SUBSETS.has(run.subset) };
  });
  if (direction === 'rtl') pieces.reverse();
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), direction };
}

/*
 * Where a word too wide for a line may be cut: between the words ICU finds (Thai and Chinese are written without
 * spaces between words), and inside a word only between graphemes, so a Thai vowel or tone mark or an accent never
 * lands on another line than its letter.
 */
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts a word wider than a line (a long URL, a Thai or Chinese sentence) into parts that fit. */
function splitLongWord(doc: Doc, word: string, weight: FontWeight, size: number, width: number): Word[] {
  const parts: string[] = [];
  let current = '';
  let currentWidth = 0;
  const widthOf = (text: string) => textRuns(text, weight).reduce((sum, run) => sum + measure(doc, run.font, size, run.text), 0);
  const add = (piece: string, pieceWidth: number) => {
    if (current !== '' && currentWidth + pieceWidth > width) {
      parts.push(current);
      current = '';
      currentWidth = 0;
    }
    current += piece;
    currentWidth += pieceWidth;
  };
  for (const { segment } of WORDS.segment(word)) {
    const segmentWidth = widthOf(segment);
    if (segmentWidth <= width) add(segment, segmentWidth);
    else for (const { segment: grapheme } of GRAPHEMES.segment(segment)) add(grapheme, widthOf(grapheme));
  }
  if (current !== '') parts.push(current);
  return parts.map((part) => wordOf(doc, part, weight, size));
}

/** Greedy line breaking at spaces, per paragraph (a line break in the text starts a new paragraph). */
function lineBreak(doc: Doc, text: string, weight: FontWeight, size: number, width: number, space: number): Word[][] {
  const lines: Word[][] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    let line: Word[] = [];
    let lineWidth = 0;
    const words = paragraph.split(' ').filter((word) => word !== '');
    for (const text of words) {
      const word = wordOf(doc, text, weight, size);
      for (const part of word.width > width ? splitLongWord(doc, text, weight, size, width) : [word]) {
        const needed = line.length === 0 ? part.width : lineWidth + space + part.width;
        if (line.length > 0 && needed > width) {
          lines.push(line);
          line = [part];
          lineWidth = part.width;
        } else {
          line.push(part);
          lineWidth = needed;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * What one line draws, left to right: the words' pieces with the spaces between them, neighbours in the same font
 * joined into one text operation. Spaces are drawn, not skipped, so that text extraction and screen readers see the
 * words apart; a space takes the font of the piece before it (every subset has one) unless that piece is RTL.
 */
function fragments(words: Word[], spaceFont: string, space: number): Piece[] {
  const drawn: Piece[] = [];
  const add = (piece: Piece) => {
    const last = drawn.at(-1);
    if (last && !last.rtl && !piece.rtl && last.font === piece.font) drawn[drawn.length - 1] = { ...last, text: last.text + piece.text, width: last.width + piece.width };
    else drawn.push(piece);
  };
  words.forEach((word, index) => {
    if (index > 0) {
      const before = drawn.at(-1);
      add({ font: before && !before.rtl ? before.font : spaceFont, text: ' ', width: space, rtl: false });
    }
    word.pieces.forEach(add);
  });
  return drawn;
}

interface TextOptions {
  x: number;
  y?: number;
  width: number;
  weight?: FontWeight;
  size?: number;
  colour?: string;
}

/**
 * Writes wrapped text from doc.y (or `y`) and leaves doc.y below it. Lines are laid out here rather than by pdfkit's
 * wrapper, because one line mixes fonts (one per script) and, in right-to-left text, its words need reordering:
 * each word is measured as a whole, so a word is never broken where its script changes.
 */
function writeText(doc: Doc, direction: Direction, text: string, options: TextOptions): void {
  const weight = options.weight ?? 'regular';
  const size = options.size ?? SIZES.body;
  const spaceFont = fontName('latin', weight);
  const space = measure(doc, spaceFont, size, ' ');
  const lineHeight = useFont(doc, spaceFont).fontSize(size).currentLineHeight(true) + LINE_GAP;
  if (options.y !== undefined) doc.y = options.y;
  doc.fillColor(options.colour ?? COLOURS.text);
  for (const line of lineBreak(doc, text.trim() === '' ? '—' : text, weight, size, options.width, space)) {
    keepSpace(doc, lineHeight);
    const y = doc.y;
    const words = visualOrder(line, (word) => word.direction, direction);
    const lineWidth = words.reduce((sum, word) => sum + word.width, 0) + space * Math.max(0, words.length - 1);
    let x = direction === 'rtl' ? options.x + options.width - lineWidth : options.x;
    // Subsets differ in ascent (Arabic's is taller): every fragment sits on the Latin font's baseline.
    const baseline = y + ascender(spaceFont, size);
    for (const fragment of fragments(words, spaceFont, space)) {
      useFont(doc, fragment.font).fontSize(size).text(fragment.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      x += fragment.width;
    }
    doc.y = y + lineHeight;
  }
  doc.x = options.x;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when less than `height` points are left, so a heading never ends a page alone. */
function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Two columns, the label on the reading side (left, or right in RTL). */
function writeFacts(doc: Doc, direction: Direction, rows: PdfFact[], x: number, width: number): void {
  const valueWidth = width - LABEL_WIDTH - GAP;
  const labelX = direction === 'rtl' ? x + width - LABEL_WIDTH : x;
  const valueX = direction === 'rtl' ? x : x + LABEL_WIDTH + GAP;
  for (const row of rows) {
    keepSpace(doc, 2 * SIZES.body * 1.4);
    const top = doc.y;
    const page = doc.page;
    writeText(doc, direction, row.label, { x: labelX, y: top, width: LABEL_WIDTH, weight: 'bold', colour: COLOURS.muted });
    const labelBottom = doc.y;
    writeText(doc, direction, row.value, { x: valueX, y: top, width: valueWidth });
    if (doc.page === page) doc.y = Math.max(doc.y, labelBottom);
    doc.y += 3;
  }
}

const BOX = 8;

/** A box at (x, top of a line), with a tick drawn in it when checked: vector lines, the same in every script. */
function drawBox(doc: Doc, x: number, y: number, checked: boolean): void {
  const top = y + (SIZES.body * 1.2 - BOX) / 2;
  doc.save().lineWidth(0.8).strokeColor(COLOURS.text).rect(x, top, BOX, BOX).stroke();
  if (checked) {
    doc.lineWidth(1.4).moveTo(x + 1.5, top + BOX / 2).lineTo(x + BOX * 0.42, top + BOX - 1.8).lineTo(x + BOX - 1.2, top + 1.2).stroke();
  }
  doc.restore();
}

function writeChoices(doc: Doc, direction: Direction, block: Extract<PdfBlock, { kind: 'choices' }>, x: number, width: number): void {
  const rtl = direction === 'rtl';
  if (block.label) {
    keepSpace(doc, 2 * SIZES.body * 1.4);
    writeText(doc, direction, block.label, { x, width, weight: 'bold', colour: COLOURS.muted });
  }
  const indent = block.label ? 12 : 0;
  for (const option of block.options) {
    keepSpace(doc, SIZES.body * 1.4);
    const top = doc.y;
    drawBox(doc, rtl ? x + width - indent - BOX : x + indent, top, option.checked);
    writeText(doc, direction, option.text, { x: rtl ? x : x + indent + BOX + 6, y: top, width: width - indent - BOX - 6, weight: option.checked ? 'bold' : 'regular' });
    doc.y += 2;
  }
  doc.y += 4;
}

function writeBlock(doc: Doc, direction: Direction, block: PdfBlock): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const rtl = direction === 'rtl';
  switch (block.kind) {
    case 'heading': {
      keepSpace(doc, SIZES.heading * 1.6 + 3 * SIZES.body * 1.4);
      doc.y += 8;
      writeText(doc, direction, block.text, { x, width, weight: 'bold', size: SIZES.heading, colour: COLOURS.heading });
      const ruleY = doc.y + 1;
      doc.moveTo(x, ruleY).lineTo(x + width, ruleY).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
      doc.y = ruleY + 5;
      return;
    }
    case 'paragraph':
      writeText(doc, direction, block.text, { x, width, colour: block.muted ? COLOURS.muted : COLOURS.text });
      doc.y += 4;
      return;
    case 'facts':
      writeFacts(doc, direction, block.rows, x, width);
      doc.y += 2;
      return;
    case 'list':
      for (const item of block.items) {
        keepSpace(doc, SIZES.body * 1.4);
        const top = doc.y;
        writeText(doc, direction, '•', { x: rtl ? x + width - 10 : x + 4, y: top, width: 6 });
        writeText(doc, direction, item, { x: rtl ? x : x + 16, y: top, width: width - 16 });
        doc.y += 2;
      }
      doc.y += 2;
      return;
    case 'choices':
      writeChoices(doc, direction, block, x, width);
      return;
    case 'entry':
      keepSpace(doc, 4 * SIZES.body * 1.4);
      doc.y += 2;
      writeText(doc, direction, block.title, { x, width, weight: 'bold' });
      if (block.detail) writeText(doc, direction, block.detail, { x, width });
      doc.y += 2;
      writeFacts(doc, direction, block.rows, rtl ? x : x + 12, width - 12);
      doc.y += 4;
      return;
  }
}

function writeFooters(doc: Doc, model: PdfDocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // The footer sits in the bottom margin: lift the margin while it is drawn, or the layout would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    doc.y = doc.page.height - bottom + 12;
    if (model.notice) writeText(doc, model.direction, model.notice, { x, width, size: SIZES.footer, colour: COLOURS.muted });
    writeText(doc, model.direction, model.footer(index - range.start + 1, range.count), { x, width, size: SIZES.footer, colour: COLOURS.muted });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the model to PDF bytes (buffered, so a failure can still become a problem response). */
export function renderPdf(model: PdfDocumentModel, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 20 },
    bufferPages: true,
    lang: model.language,
    displayTitle: true,
    info: { Title: model.info.title, ...(model.info.subject ? { Subject: model.info.subject } : {}), Creator: 'Assist', Producer: 'Assist', CreationDate: now },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const direction = model.direction;
  writeText(doc, direction, model.title, { x, y: doc.page.margins.top, width, weight: 'bold', size: SIZES.title, colour: COLOURS.heading });
  if (model.subtitle) writeText(doc, direction, model.subtitle, { x, width, size: SIZES.subtitle, colour: COLOURS.muted });
  doc.y += 6;
  for (const block of model.blocks) writeBlock(doc, direction, block);
  writeFooters(doc, model);
  doc.end();
  return done;
}
