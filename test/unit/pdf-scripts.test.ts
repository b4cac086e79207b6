import { renderPdf } from '../../server/src/modules/export';
import { pdfText } from '../helpers/pdf-text';

/*
 * The server's PDFs in the scripts of the people assisted (issue 18): Thai, Chinese, Arabic and Persian, Cyrillic,
 * Vietnamese and Yoruba, read back with pdfjs as a PDF reader shows them. A character without a font would come back
 * as U+FFFD; a Thai or Chinese sentence longer than a line is cut between words, never inside a letter's marks.
 */
const THAI = 'ท่านมีสิทธิ์ได้รับความช่วยเหลือแม้ว่าท่านจะไม่ได้พูดคุยกับตำรวจ การพูดคุยกับตำรวจเป็นทางเลือกของท่านเอง';
const CHINESE = '即使您不与警方交谈，您也可以获得帮助。与警方交谈是您自己的选择，您可以以后再决定。这份文件是您的副本，请妥善保管。';
const ARABIC = 'تحصل على المساعدة حتى لو لم تتحدث إلى الشرطة';
const PERSIAN = 'شما حتی اگر با پلیس صحبت نکنید کمک دریافت می‌کنید';
const OTHERS = ['Ви отримуєте допомогу, навіть якщо не говорите з поліцією', 'Bạn được giúp đỡ ngay cả khi không nói chuyện với cảnh sát', 'Ẹ ní ẹ̀tọ́ láti gba ìrànlọ́wọ́'];

const stripSpaces = (text: string) => text.replace(/\s+/g, '');
/*
 * Noto Sans Thai draws SARA AM as NIKHAHIT plus SARA AA, and pdfkit's glyph-to-text map gives the second glyph its
 * own letter back: a PDF reader copies ตำรวจ as ตำารวจ (the page shows it right). Arabic-script letters are drawn as
 * skeletons plus dots, so pdfjs reads some back as their skeleton's letter: the words checked are ones it reads whole.
 */
const readBack = (text: string) => stripSpaces(text).replace(/\u0E33\u0E32/g, '\u0E33');

async function textOf(language: string, direction: 'ltr' | 'rtl', paragraphs: string[]) {
  const pdf = await renderPdf(
    {
      language,
      direction,
      title: paragraphs[0]!,
      info: { title: 'test' },
      blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })),
      footer: (page, pages) => `${page}/${pages}`,
    },
    new Date('2026-01-02T00:00:00Z'),
  );
  return (await pdfText(pdf)).text;
}

describe('PDF fonts for the languages of people assisted', () => {
  it('writes Thai, with long sentences cut between words', async () => {
    const text = await textOf('th', 'ltr', [THAI, THAI.repeat(3)]);
    expect(text).not.toContain('\uFFFD');
    expect(readBack(text)).toContain(stripSpaces(THAI));
    expect(readBack(text)).toContain(stripSpaces(THAI.repeat(3)));
  });

  it('writes Chinese', async () => {
    const text = await textOf('zh', 'ltr', [CHINESE]);
    expect(text).not.toContain('\uFFFD');
    expect(stripSpaces(text)).toContain(stripSpaces(CHINESE));
  });

  it('writes Arabic and Persian right to left', async () => {
    const text = await textOf('fa', 'rtl', [ARABIC, PERSIAN]);
    expect(text).not.toContain('\uFFFD');
    expect(text.normalize('NFKC')).toContain('المساعدة');
    expect(text).toMatch(/[\u0621-\u064A\u067E\u06A9\u06AF\u06CC]{4}/);
  });

  it('writes Cyrillic, Vietnamese and Yoruba', async () => {
    const text = await textOf('uk', 'ltr', OTHERS);
    expect(text).not.toContain('\uFFFD');
    // A combining accent is a glyph of its own, which pdfjs reads back as a word of its own.
    for (const line of OTHERS) expect(stripSpaces(text).normalize('NFC')).toContain(stripSpaces(line).normalize('NFC'));
  });
});
