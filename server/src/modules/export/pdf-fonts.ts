import fs from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/*
 * Noto fonts from @fontsource, embedded into every PDF. Fontsource splits a family per script (latin, latin-ext,
 * cyrillic ...), so no single file covers Finnish, Czech, Romanian, Hungarian and Bulgarian/Macedonian/Serbian
 * Cyrillic at once: text is cut into runs, each written with the first subset that has a glyph for its characters.
 * Thai comes from Noto Sans Thai, Arabic and Persian from Noto Sans Arabic, Chinese from Noto Sans SC, which
 * fontsource cuts into about a hundred slices by frequency: a slice is read from disk only when a text needs one of
 * its characters. pdfkit embeds only the glyphs used, so a document carries a few kilobytes per subset it needs.
 */

export type FontWeight = 'regular' | 'bold';

interface FontSubset {
  key: string;
  /** `<package>/files/<prefix>-<weight>-normal.woff` */
  pkg: string;
  prefix: string;
  /** The code points the slice holds (fontsource's unicode-range): no other is asked of it, so it stays unread. */
  ranges?: ReadonlyArray<readonly [number, number]>;
}

// Resolved through the package exports from wherever this file runs (server/src under Jest, server/dist after tsc).
const requireHere = createRequire(__filename);

/** `U+4e00-4e20,U+3001` as code point ranges. */
export function parseUnicodeRange(range: string): Array<[number, number]> {
  return range.split(',').flatMap((part) => {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    return match ? [[parseInt(match[1]!, 16), parseInt(match[2] ?? match[1]!, 16)] as [number, number]] : [];
  });
}

/** Noto Sans SC's numbered slices (`[0]` ... `[119]`); its latin, cyrillic and vietnamese slices add nothing to Noto Sans. */
function chineseSlices(): FontSubset[] {
  const pkg = '@fontsource/noto-sans-sc';
  const unicode = JSON.parse(fs.readFileSync(requireHere.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  return Object.entries(unicode).flatMap(([name, range]) => {
    const slice = /^\[(\d+)\]$/.exec(name)?.[1];
    return slice === undefined ? [] : [{ key: `sc-${slice}`, pkg, prefix: `noto-sans-sc-${slice}`, ranges: parseUnicodeRange(range) }];
  });
}

/** In order of preference: a character goes to the first subset that covers it. */
const SUBSETS: FontSubset[] = [
  { key: 'latin', pkg: '@fontsource/noto-sans', prefix: 'noto-sans-latin' },
  { key: 'latin-ext', pkg: '@fontsource/noto-sans', prefix: 'noto-sans-latin-ext' },
  { key: 'cyrillic', pkg: '@fontsource/noto-sans', prefix: 'noto-sans-cyrillic' },
  { key: 'cyrillic-ext', pkg: '@fontsource/noto-sans', prefix: 'noto-sans-cyrillic-ext' },
  { key: 'greek', pkg: '@fontsource/noto-sans', prefix: 'noto-sans-greek' },
  { key: 'vietnamese', pkg: '@fontsource/noto-sans', prefix: 'noto-sans-vietnamese' },
  { key: 'arabic', pkg: '@fontsource/noto-sans-arabic', prefix: 'noto-sans-arabic-arabic' },
  { key: 'thai', pkg: '@fontsource/noto-sans-thai', prefix: 'noto-sans-thai-thai' },
  ...chineseSlices(),
];
const WEIGHTS: Record<FontWeight, number> = { regular: 400, bold: 700 };
export const RTL_SUBSETS = new Set(['arabic']);

/** The name a font is registered under in a document: `<subset>-<weight>`. */
export const fontName = (subset: string, weight: FontWeight) => `${subset}-${weight}`;


/**
 * WOFF 1.0 to the plain OpenType it wraps: each table is zlib-compressed on its own. fontkit reads WOFF too, but
 * inflates it in JavaScript on every document (about half a second for the Latin files); Node's zlib does it once.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data: compLength < origLength ? inflateSync(stored) : stored };
  });
  const log2 = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(2 ** log2 * 16, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(numTables * 16 - 2 ** log2 * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** The font files, each read and unwrapped once, when a document first needs it (static assets, not state). */
const SUBSET_BY_KEY = new Map(SUBSETS.map((subset) => [subset.key, subset]));
const fontFiles = new Map<string, Buffer>();
function fontFile(font: string): Buffer {
  let file = fontFiles.get(font);
  if (!file) {
    const [, key, weight] = /^(.+)-(regular|bold)$/.exec(font) ?? [];
    const subset = key ? SUBSET_BY_KEY.get(key) : undefined;
    if (!subset || !weight) throw new Error(`unknown font ${font}`);
    const woff = fs.readFileSync(requireHere.resolve(`${subset.pkg}/files/${subset.prefix}-${WEIGHTS[weight as FontWeight]}-normal.woff`));
    file = woffToSfnt(woff);
    fontFiles.set(font, file);
  }
  return file;
}

/** The documents' registered fonts: a font is registered with a document the first time it is used there. */
const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** Makes `font` (`thai-bold`) the document's current font, registering it on first use (only fonts used are embedded). */
export function useFont(doc: PDFKit.PDFDocument, font: string): PDFKit.PDFDocument {
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(font)) {
    doc.registerFont(font, fontFile(font));
    names.add(font);
  }
  return doc.font(font);
}

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
  ascent: number;
  unitsPerEm: number;
}

/**
 * Which subset covers which code point, asked of the fonts themselves (fontkit's `hasGlyphForCodePoint` on the font
 * object pdfkit opened). pdfkit does not expose that object publicly, so this is checked once per font, loudly.
 */
let probe: PDFKit.PDFDocument | undefined;
const sources = new Map<string, GlyphSource>();
function glyphSource(name: string): GlyphSource {
  let source = sources.get(name);
  if (!source) {
    probe ??= new PDFDocument({ autoFirstPage: false });
    useFont(probe, name);
    const font = (probe as unknown as { _font?: { font?: Partial<GlyphSource> } })._font?.font;
    if (typeof font?.hasGlyphForCodePoint !== 'function' || typeof font.ascent !== 'number' || typeof font.unitsPerEm !== 'number') {
      throw new Error(`pdfkit no longer exposes the glyphs of ${name}`);
    }
    source = font as GlyphSource;
    sources.set(name, source);
  }
  return source;
}

/** How far above the baseline a font's line starts, in points at `size` (to put every subset on one baseline). */
export function ascender(font: string, size: number): number {
  const source = glyphSource(font);
  return (source.ascent / source.unitsPerEm) * size;
}

const choice = new Map<string, string | null>();
function subsetCovering(codePoint: number, weight: FontWeight): string | null {
  const cacheKey = `${weight}:${codePoint}`;
  const cached = choice.get(cacheKey);
  if (cached !== undefined) return cached;
  const covers = (subset: FontSubset) =>
    (!subset.ranges || subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) && glyphSource(fontName(subset.key, weight)).hasGlyphForCodePoint(codePoint);
  const found = SUBSETS.find(covers)?.key ?? null;
  if (choice.size < 8192) choice.set(cacheKey, found); // bounded: text is user input
  return found;
}

export interface TextRun {
  /** Registered font name (`cyrillic-bold`). */
  font: string;
  subset: string;
  text: string;
}

/**
 * Control characters other than line breaks never reach the PDF, nor do bidi marks and embeddings (the layout orders
 * words itself, see pdf-bidi.ts); tabs become spaces. Text is composed (NFC), so that a letter typed as base plus
 * combining accent finds its precomposed glyph instead of an accent no font of its script carries.
 */
export function cleanText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
  );
}

/**
 * Cuts text into runs of one subset each. A character stays in the current run when its font has the glyph (spaces,
 * punctuation, combining accents), so a Bulgarian sentence is one run. A character no subset covers (emoji, Korean)
 * becomes U+FFFD rather than an invisible missing glyph.
 */
export function textRuns(text: string, weight: FontWeight): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | undefined;
  for (let char of cleanText(text)) {
    const codePoint = char.codePointAt(0)!;
    let subset: string | null;
    if (char === '\n') subset = current?.subset ?? 'latin';
    else if (current && glyphSource(current.font).hasGlyphForCodePoint(codePoint)) subset = current.subset;
    else subset = subsetCovering(codePoint, weight);
    if (subset === null) {
      char = '\uFFFD';
      subset = subsetCovering(0xfffd, weight) ?? 'latin';
    }
    if (current && current.subset === subset) current.text += char;
    else {
      current = { font: fontName(subset, weight), subset, text: char };
      runs.push(current);
    }
  }
  return runs;
}
