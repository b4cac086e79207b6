/*
 * Which espeak-ng voice reads each person-facing language aloud (issue 18). `null`: espeak-ng has no voice for the
 * language (Pashto, Sorani, Nigerian Pidgin, Yoruba, Igbo, Filipino), and the player offers the person's next
 * language instead. Chinese is read in Mandarin (`cmn`). Shared by the server (which runs espeak-ng) and the player.
 */
export const SPEECH_VOICES = {
  en: 'en', ar: 'ar', fa: 'fa', ps: null, ckb: null, uk: 'uk', ru: 'ru', vi: 'vi', th: 'th', zh: 'cmn', es: 'es',
  fr: 'fr', pcm: null, yo: null, ig: null, fil: null,
  fi: 'fi', sv: 'sv', da: 'da', bg: 'bg', ro: 'ro', hu: 'hu', cs: 'cs', mk: 'mk', sq: 'sq', sr: 'sr',
} as const satisfies Record<string, string | null>;

export type SpeechLanguage = keyof typeof SPEECH_VOICES;
export const SPEECH_LANGUAGES = Object.keys(SPEECH_VOICES) as SpeechLanguage[];

export const isSpeechLanguage = (code: string): code is SpeechLanguage => Object.hasOwn(SPEECH_VOICES, code);

/** The espeak-ng voice for a language, or undefined when there is none (or the language is unknown). */
export function voiceFor(language: string): string | undefined {
  return isSpeechLanguage(language) ? (SPEECH_VOICES[language] ?? undefined) : undefined;
}

/** The first language of a person's list that can be read aloud, after `current`. */
export function nextSpokenLanguage(languages: readonly string[], current: string): string | undefined {
  return languages.find((language) => language !== current && voiceFor(language) !== undefined);
}

/** The longest text read aloud in one piece: about two minutes of speech. Longer texts are refused, not cut. */
export const SPEECH_TEXT_MAX = 2000;
