import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Spoken audio, kept once per text, voice and engine: `_id` is the SHA-256 of the three, so a lookup is an `_id`
 * equality (the one lookup FerretDB answers from an index) and two processes making the same audio store one copy.
 * Audio never changes for its key; nothing personal is read aloud (only form texts), so it may be kept for good.
 */
export interface SpeechAudio {
  _id: string;
  audio: Buffer;
  contentType: string;
  voice: string;
  createdAt: Date;
}

const speechAudioSchema = new Schema<SpeechAudio>(
  {
    _id: { type: String, required: true },
    audio: { type: Buffer, required: true },
    contentType: { type: String, required: true },
    voice: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'speech_audio', versionKey: false },
);

export function speechAudioModel(db: Connection): Model<SpeechAudio> {
  return (db.models.SpeechAudio as Model<SpeechAudio>) ?? db.model<SpeechAudio>('SpeechAudio', speechAudioSchema);
}
