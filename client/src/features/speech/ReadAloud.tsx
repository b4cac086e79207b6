import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiAudio, ApiError } from '../../api/http';
import { browserVoice } from './browser-voice';
import { ErrorMessage } from '../common';

type State = 'idle' | 'loading' | 'playing' | 'paused' | 'failed';

/** What is playing on the page: starting another paragraph pauses it, so two never speak at once. */
let playing: { pause: () => void } | undefined;

interface Props {
  /** The server's audio of this text (`formSpeechPath`), or undefined when espeak-ng has no voice for the language. */
  audioUrl: string | undefined;
  /** The text as shown, for the browser's own voice when the server has none. */
  text: string;
  /** The language the text is in. */
  language: string;
  /** The id of the element that shows the text: the button's description for screen readers. */
  describedBy?: string;
  /** The button's words in another language than the staff interface's (the person view's). */
  labels?: ReadAloudLabels;
}

export interface ReadAloudLabels {
  play: string;
  pause: string;
  resume: string;
  loading: string;
  noVoice: string;
}

/**
 * Play and pause for one paragraph or question. The server's espeak-ng audio is used wherever it has a voice (the
 * same voice for everyone, made once and kept); where it has none, or cannot speak at all, the browser's own speech
 * synthesis is used if it has a voice for the language. A native <button>: keyboard operable, with the app's focus ring.
 */
export function ReadAloud({ audioUrl, text, language, describedBy, labels }: Props) {
  const { t: staffT } = useTranslation();
  const words: ReadAloudLabels = labels ?? {
    play: staffT('readAloud.play'),
    pause: staffT('readAloud.pause'),
    resume: staffT('readAloud.resume'),
    loading: staffT('readAloud.loading'),
    noVoice: staffT('readAloud.noVoiceShort'),
  };
  const [state, setState] = useState<State>('idle');
  const [problem, setProblem] = useState<string>();
  const audio = useRef<HTMLAudioElement | undefined>(undefined);
  const objectUrl = useRef<string | undefined>(undefined);
  const utterance = useRef<SpeechSynthesisUtterance | undefined>(undefined);
  const self = useRef<{ pause: () => void }>({ pause: () => undefined });

  // A new text or language starts afresh; leaving the page stops the sound and frees the audio.
  useEffect(() => {
    const me = self.current;
    return () => {
      audio.current?.pause();
      audio.current = undefined;
      if (utterance.current) window.speechSynthesis.cancel();
      utterance.current = undefined;
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
      objectUrl.current = undefined;
      if (playing === me) playing = undefined;
      setState('idle');
    };
  }, [audioUrl, text, language]);

  function claimPlayback() {
    if (playing && playing !== self.current) playing.pause();
    playing = self.current;
  }

  function pause() {
    if (audio.current) audio.current.pause();
    else if (utterance.current) window.speechSynthesis.pause();
    setState('paused');
  }
  self.current.pause = pause;

  async function playServerAudio(url: string) {
    if (!audio.current) {
      const blob = await apiAudio(url);
      objectUrl.current = URL.createObjectURL(blob);
      const element = new Audio(objectUrl.current);
      element.addEventListener('ended', () => setState('idle'));
      audio.current = element;
    }
    claimPlayback();
    await audio.current.play();
    setState('playing');
  }

  function playBrowserVoice(voice: SpeechSynthesisVoice) {
    claimPlayback();
    if (utterance.current && window.speechSynthesis.paused) {
      window.speechSynthesis.resume();
    } else {
      window.speechSynthesis.cancel();
      const spoken = new SpeechSynthesisUtterance(text);
      spoken.voice = voice;
      spoken.lang = voice.lang;
      spoken.onend = () => {
        utterance.current = undefined;
        setState('idle');
      };
      utterance.current = spoken;
      window.speechSynthesis.speak(spoken);
    }
    setState('playing');
  }

  async function toggle() {
    if (state === 'playing') {
      pause();
      return;
    }
    setProblem(undefined);
    setState('loading');
    const voice = browserVoice(language);
    try {
      if (audioUrl) await playServerAudio(audioUrl);
      else if (voice) playBrowserVoice(voice);
      else throw new Error(words.noVoice);
    } catch (failure) {
      // The server cannot speak (espeak-ng missing, busy): the browser's voice, where it has one, reads instead.
      const serverDown = failure instanceof ApiError && failure.status >= 500;
      if (serverDown && voice) {
        playBrowserVoice(voice);
        return;
      }
      setState('failed');
      setProblem(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : failure instanceof Error ? failure.message : String(failure));
    }
  }

  const label = state === 'playing' ? words.pause : state === 'paused' ? words.resume : state === 'loading' ? words.loading : words.play;
  return (
    <span className="read-aloud">
      <button
        type="button"
        className="read-aloud-button"
        onClick={() => void toggle()}
        aria-describedby={describedBy}
        aria-busy={state === 'loading'}
        data-state={state}
      >
        <span aria-hidden="true" className="read-aloud-icon">
          {state === 'playing' ? '❚❚' : '▶'}
        </span>{' '}
        {label}
      </button>
      <ErrorMessage as="span" className="read-aloud-problem">
        {problem}
      </ErrorMessage>
    </span>
  );
}
