import { browserVoice, ReadAloud } from '../speech';
import type { Voice } from './Bilingual';

/**
 * Play and pause for one paragraph of the person view, with the button's words in the column's language. The
 * server's espeak-ng audio where `audioUrl` names it (rights sheet, consent form), else the browser's own voice for
 * the language; nothing where neither can speak it, rather than a button that can only fail.
 */
export function ParagraphPlayer({ text, voice, audioUrl, describedBy }: { text: string; voice: Voice; audioUrl?: string; describedBy?: string }) {
  if (!audioUrl && !browserVoice(voice.lang)) return null;
  const { t } = voice;
  return (
    <ReadAloud
      audioUrl={audioUrl}
      text={text}
      language={voice.lang}
      describedBy={describedBy}
      labels={{ play: t('listen.play'), pause: t('listen.pause'), resume: t('listen.resume'), loading: t('listen.loading'), noVoice: t('listen.noVoice') }}
    />
  );
}
