import type { BackendModule, ReadCallback } from 'i18next';

type JsonFiles = Record<string, () => Promise<{ default: Record<string, unknown> }>>;

/**
 * An i18next backend over files Vite bundles one by one (`import.meta.glob`), so a language is fetched only when it
 * is shown. `fileEnding` names the file of a language and namespace; a missing file gives no texts, not an error.
 */
export function lazyJsonBackend(files: JsonFiles, fileEnding: (language: string, namespace: string) => string): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read(language: string, namespace: string, callback: ReadCallback) {
      const ending = fileEnding(language, namespace);
      const entry = Object.entries(files).find(([file]) => file.endsWith(ending));
      if (!entry) {
        callback(null, {});
        return;
      }
      entry[1]().then(
        (module) => callback(null, module.default),
        (error: unknown) => callback(error as Error, false),
      );
    },
  };
}
