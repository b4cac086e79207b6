import path from 'node:path';

// This file sits two folders below server/ both as source (server/src/config) and compiled (server/dist/config),
// so the project root is the same relative path in development, tests and production.
export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const localesDir = path.join(projectRoot, 'locales');
export const clientDistDir = path.join(projectRoot, 'client', 'dist');
export const formsDir = path.join(projectRoot, 'forms');
export const workflowsDir = path.join(projectRoot, 'workflows');
export const personTextsDir = path.join(projectRoot, 'person-texts');
export const clientRoutesFile = path.join(projectRoot, 'client', 'src', 'app-routes.json');
export const ferretDbToolDir = path.join(projectRoot, 'tools', 'ferretdb');
export const cacheDir = path.join(projectRoot, '.cache');
