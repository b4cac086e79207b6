import { AppError } from '../../core/errors/app-error';

/** The errors of read-aloud, one factory per code. */
/** espeak-ng has no voice for the language (Pashto, Sorani, Nigerian Pidgin, Yoruba, Igbo, Filipino). */
export const speechNoVoice = (language: string) => new AppError(422, 'speech-no-voice', { params: { language }, extensions: { language } });
/** The text is longer than is read aloud in one piece. */
export const speechTextTooLong = (length: number, limit: number) =>
  new AppError(422, 'speech-text-too-long', { params: { length, limit }, extensions: { length, limit } });
/** espeak-ng is not installed on this server. */
export const speechUnavailable = () => new AppError(503, 'speech-unavailable');
/** Every espeak-ng slot is taken and the queue is full: try again shortly. */
export const speechBusy = () => new AppError(503, 'speech-busy', { extensions: { retryAfter: 5 } });
