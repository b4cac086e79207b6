// The speech module's test-support face: what only tests use. Tests read the stored audio cache to see that a text was
// synthesised once and served from storage after. No other module touches the cache; lint lets only tests import this
// file.
export { speechAudioModel } from './speech-audio.model';
