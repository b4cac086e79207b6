// The public face of the speech module: the espeak-ng synthesiser, its routes and OpenAPI entries.
export { espeakNg, type SpeechSynthesizer } from './espeak-ng';
export { rightsSpeechRoutes } from './rights-speech.routes';
export { safetyPlanSpeechRoutes } from './safety-plan-speech.routes';
export { speechApi } from './speech.openapi';
export { speechRoutes } from './speech.routes';
