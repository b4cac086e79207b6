export { browserVoice } from './browser-voice';
export { FormReadAloud } from './FormReadAloud';
export { ReadAloud } from './ReadAloud';
