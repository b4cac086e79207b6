/**
 * Reads a PCM WAV file the way a player would, chunk by chunk, to measure what the read-aloud endpoint answers:
 * how long it plays and how loud it is. Written here, apart from the server's code, so the tests measure the audio
 * independently of what made it.
 */
export interface WavMeasure {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Seconds of audio in the data chunk. */
  duration: number;
  /** Root mean square of the samples, 0..1 of full scale. */
  rms: number;
  /** Share of 50 ms windows louder than -40 dBFS: speech has many, silence none. */
  voicedShare: number;
}

export function measureWav(file: Buffer): WavMeasure {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  if (file.readUInt32LE(4) !== file.length - 8) throw new Error(`RIFF size ${file.readUInt32LE(4)} does not match the file (${file.length - 8})`);
  let format: { sampleRate: number; channels: number; bitsPerSample: number } | undefined;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (file.readUInt16LE(body) !== 1) throw new Error('not PCM');
      format = { channels: file.readUInt16LE(body + 2), sampleRate: file.readUInt32LE(body + 4), bitsPerSample: file.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format) throw new Error('data before fmt');
      if (format.bitsPerSample !== 16) throw new Error(`expected 16-bit samples, got ${format.bitsPerSample}`);
      if (body + size !== file.length) throw new Error(`data size ${size} does not match the file (${file.length - body})`);
      const samples = size / 2 / format.channels;
      const window = Math.round(format.sampleRate * 0.05) * format.channels;
      let sum = 0;
      let windows = 0;
      let voiced = 0;
      let windowSum = 0;
      let inWindow = 0;
      for (let at = body; at + 1 < body + size; at += 2) {
        const value = file.readInt16LE(at) / 32768;
        sum += value * value;
        windowSum += value * value;
        inWindow += 1;
        if (inWindow === window) {
          windows += 1;
          if (Math.sqrt(windowSum / inWindow) > 0.01) voiced += 1;
          windowSum = 0;
          inWindow = 0;
        }
      }
      return {
        ...format,
        duration: samples / format.sampleRate,
        rms: Math.sqrt(sum / (size / 2)),
        voicedShare: windows ? voiced / windows : 0,
      };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}
