/*
 * Enough of the Unicode bidirectional algorithm for the words of one line: pdfkit draws left to right, fontkit puts
 * the glyphs of one right-to-left word in visual order itself, and this decides the order of the words. It is the
 * common case of UAX #9 (strong letters and digits, neutrals between words), not all of it: no explicit embeddings,
 * no mixed directions inside one word beyond keeping its pieces in order; brackets of right-to-left words are mirrored.
 */
export type Direction = 'ltr' | 'rtl';

const RTL_CHARACTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_CHARACTER = /[\p{L}\p{N}]/u;
const ARABIC_DIGITS_ONLY = /^[\u0660-\u0669\u06F0-\u06F9.,٫٬/:-]+$/u;

/** A word is right to left if it holds a Hebrew/Arabic-script character, left to right if it holds any other letter or digit, else neutral. */
export function wordDirection(word: string): Direction | null {
  if (RTL_CHARACTER.test(word)) return 'rtl';
  return STRONG_CHARACTER.test(word) ? 'ltr' : null;
}

/** The words of a line, in logical order, rearranged into the order they are drawn from left to right. */
export function visualOrder<T>(words: T[], directionOf: (word: T) => Direction | null, base: Direction): T[] {
  const strong = words.map(directionOf);
  const resolved = strong.map((direction, index) => {
    if (direction) return direction;
    // A neutral between two words of the same direction takes it; otherwise the paragraph's.
    const before = strong.slice(0, index).reverse().find((d) => d !== null) ?? base;
    const after = strong.slice(index + 1).find((d) => d !== null) ?? base;
    return before === after ? before : base;
  });
  const groups: Array<{ direction: Direction; words: T[] }> = [];
  words.forEach((word, index) => {
    const direction = resolved[index]!;
    const last = groups.at(-1);
    if (last && last.direction === direction) last.words.push(word);
    else groups.push({ direction, words: [word] });
  });
  const ordered = base === 'rtl' ? groups.reverse() : groups;
  return ordered.flatMap((group) => (group.direction === 'rtl' ? [...group.words].reverse() : group.words));
}

/**
 * Text to hand to fontkit for one run of an RTL script. Fontkit reverses every Arabic-script run, but numbers in
 * Arabic-Indic digits read left to right even there: such a run is reversed beforehand so it comes out right.
 */
export function shapingText(text: string): string {
  return ARABIC_DIGITS_ONLY.test(text) ? [...text].reverse().join('') : text;
}

const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

/** Brackets drawn in a right-to-left word face the other way (UAX #9 rule L4): `(منظمة)` keeps its content inside. */
export function mirrorBrackets(text: string): string {
  return text.replace(/[()[\]{}<>«»]/g, (bracket) => MIRRORED[bracket] ?? bracket);
}
