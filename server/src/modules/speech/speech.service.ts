import { createHash } from 'node:crypto';
import type { Binary } from 'mongodb';
import type { Connection } from 'mongoose';
import { notFound } from '../../core/errors/app-error';
import type { ServiceContext } from '../access';
import { getForm } from '../forms';
import { walkComponents } from '../../contracts/forms/component-walker';
import { componentSpeech, formTranslator } from '../../contracts/speech/speakable-text';
import { SPEECH_TEXT_MAX, voiceFor } from '../../contracts/speech/speech-voices';
import type { FormSpeechParams } from '../../contracts/speech/speech.schemas';
import { SpeechEngineBusy, SpeechEngineMissing, type SpeechSynthesizer } from './espeak-ng';
import { speechAudioModel } from './speech-audio.model';
import { speechBusy, speechNoVoice, speechTextTooLong, speechUnavailable } from './speech.errors';

export interface SpokenAudio {
  audio: Buffer;
  contentType: string;
  /** The language the text was read in: the one asked for, or English where the form lacks a translation. */
  language: string;
  /** The cache key, also the response's entity tag. */
  key: string;
}

function speakable(text: string, language: string): string {
  const voice = voiceFor(language);
  if (!voice) throw speechNoVoice(language);
  if (text.length > SPEECH_TEXT_MAX) throw speechTextTooLong(text.length, SPEECH_TEXT_MAX);
  return voice;
}

/** One text read aloud: from the cache when it was read before, otherwise made by espeak-ng and kept. */
export async function speak(db: Connection, synthesizer: SpeechSynthesizer, text: string, language: string): Promise<Omit<SpokenAudio, 'language'>> {
  const voice = speakable(text, language);
  const identity = await engine(() => synthesizer.identity());
  const key = createHash('sha256').update(`${identity}\n${voice}\n${text}`).digest('hex');
  const Audio = speechAudioModel(db);
  const cached = await Audio.findById(key).lean();
  if (cached) return { audio: storedBytes(cached.audio), contentType: cached.contentType, key };
  const audio = await engine(() => synthesizer.synthesize(text, voice));
  // Another request may have stored the same audio meanwhile: the same bytes, so its copy is as good as this one.
  await Audio.create({ _id: key, audio, contentType: 'audio/wav', voice, createdAt: new Date() }).catch((error: unknown) => {
    if ((error as { code?: number }).code !== 11000) throw error;
  });
  return { audio, contentType: 'audio/wav', key };
}

/**
 * Personal text (what a caseworker typed) read aloud and kept nowhere: not in the database's audio cache, whose key
 * would also tell who heard which text, and not in memory. espeak-ng reads a line of a safety plan in well under a
 * second, so nothing is worth keeping.
 */
export async function speakPersonal(synthesizer: SpeechSynthesizer, text: string, language: string): Promise<{ audio: Buffer; contentType: string }> {
  const voice = speakable(text, language);
  return { audio: await engine(() => synthesizer.synthesize(text, voice)), contentType: 'audio/wav' };
}

/** A lean read gives the driver's Binary rather than a Buffer: its bytes, without a copy. */
function storedBytes(stored: Buffer | Binary): Buffer {
  if (Buffer.isBuffer(stored)) return stored;
  return Buffer.from(stored.buffer.buffer, stored.buffer.byteOffset, stored.position);
}

async function engine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SpeechEngineMissing) throw speechUnavailable();
    if (error instanceof SpeechEngineBusy) throw speechBusy();
    throw error;
  }
}

/**
 * A paragraph or question of a form revision the reader may open, read aloud in `language` (or in English where
 * that text is not translated). Whatever cannot be read (missing, hidden by the rules, a layout component, a note
 * for staff only) is the same 404.
 */
export async function speakFormComponent(
  ctx: ServiceContext,
  synthesizer: SpeechSynthesizer,
  params: FormSpeechParams,
  language: string,
): Promise<SpokenAudio> {
  if (!voiceFor(language)) throw speechNoVoice(language);
  const { revision } = await getForm(ctx, { id: params.formId }, params.revision);
  const walked = [...walkComponents(revision.definition.components)].find((candidate) => candidate.keyPath === params.keyPath);
  if (!walked) throw notFound();
  const speech = componentSpeech(walked.component, formTranslator(revision.translations, language));
  if (!speech) throw notFound();
  const spokenIn = speech.translated ? language : 'en';
  return { ...(await speak(ctx.db, synthesizer, speech.text, spokenIn)), language: spokenIn };
}
