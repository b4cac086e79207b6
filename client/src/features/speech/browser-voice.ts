/** The browser's own voice for a language (`uk` matches `uk-UA`), if its speech synthesis has one. */
export function browserVoice(language: string): SpeechSynthesisVoice | undefined {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return undefined;
  const voices = window.speechSynthesis.getVoices();
  const matches = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language.toLowerCase());
  // A voice on the device works offline and keeps the text there: preferred over one of a remote service.
  return matches.find((voice) => voice.localService) ?? matches[0];
}
