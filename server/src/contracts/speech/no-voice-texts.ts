/*
 * What the player says, in the person's own language, when espeak-ng has no voice for it (issue 18): that the text
 * cannot be read aloud in that language, and an offer to hear it in the person's next language. `{{language}}` is
 * that next language's name. Written for people who may read little: short, plain words.
 * `review`: a native reader should check the text before it is relied on.
 */
export interface NoVoiceText {
  noVoice: string;
  listenIn: string;
  review?: string;
}

export const NO_VOICE_TEXTS: Readonly<Record<string, NoVoiceText>> = {
  ps: { noVoice: 'دا متن په پښتو ژبه په غږ نه شي لوستل کېدای.', listenIn: 'پر ځای یې په {{language}} واورئ', review: 'machine-assisted draft; check with a Pashto reader' },
  ckb: { noVoice: 'ئەم دەقە ناتوانرێت بە کوردیی سۆرانی بە دەنگ بخوێندرێتەوە.', listenIn: 'لە جیاتی ئەوە بە {{language}} گوێ بگرە', review: 'machine-assisted draft; check with a Sorani reader' },
  yo: { noVoice: 'Kò sí ohùn tí ó lè ka ọ̀rọ̀ yìí sókè ní èdè Yorùbá.', listenIn: 'Gbọ́ ọ ní {{language}} dípò rẹ̀', review: 'machine-assisted draft; check with a Yoruba reader' },
  ig: { noVoice: 'Enweghị olu nwere ike ịgụpụta ederede a n’asụsụ Igbo.', listenIn: 'Gee ya ntị n’asụsụ {{language}} kama', review: 'machine-assisted draft; check with an Igbo reader' },
  pcm: { noVoice: 'No voice dey wey fit read dis tin for Pidgin.', listenIn: 'Hear am for {{language}} instead', review: 'check with a Nigerian Pidgin speaker' },
  fil: { noVoice: 'Walang boses na makababasa nito nang malakas sa Filipino.', listenIn: 'Pakinggan ito sa {{language}}', review: 'check with a Filipino reader' },
};

/** The player's words in `language` when it has no voice, with the next language's name filled in. */
export function noVoiceText(language: string, nextLanguageName?: string): { noVoice: string; listenIn?: string } | undefined {
  const text = NO_VOICE_TEXTS[language];
  if (!text) return undefined;
  return { noVoice: text.noVoice, ...(nextLanguageName ? { listenIn: text.listenIn.replace('{{language}}', nextLanguageName) } : {}) };
}
