/**
 * espeak-ng writing to a pipe cannot go back to fill in the sizes of its WAV header, so it leaves placeholders
 * (0x7ffff000) there. Browsers play such a file, but they cannot tell its length or seek in it: the sizes of the
 * RIFF chunk and of the data chunk are set to what was actually written.
 */
export function withExactWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('espeak-ng did not write a WAV file');
  }
  const fixed = Buffer.from(wav);
  fixed.writeUInt32LE(fixed.length - 8, 4);
  // Walk the chunks to the data chunk: espeak-ng writes `fmt ` then `data`, but nothing depends on that.
  let offset = 12;
  while (offset + 8 <= fixed.length) {
    const id = fixed.toString('ascii', offset, offset + 4);
    if (id === 'data') {
      fixed.writeUInt32LE(fixed.length - offset - 8, offset + 4);
      return fixed;
    }
    offset += 8 + fixed.readUInt32LE(offset + 4);
  }
  throw new Error('espeak-ng wrote a WAV file without audio data');
}
