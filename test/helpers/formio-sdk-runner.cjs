// Runs the real, unchanged Formio SDK and renderer from @formio/js in a jsdom window, in its own Node process
// (jsdom's dependencies are ES modules, which Jest's CommonJS runtime cannot load). The test drives it over
// stdin/stdout: one JSON command per line in, one JSON answer per line out.
const readline = require('node:readline');
const { JSDOM } = require('jsdom');

const [baseUrl, projectUrl] = process.argv.slice(2);
const dom = new JSDOM('<!doctype html><html><body><div id="form"></div></body></html>', { url: `${baseUrl}/`, pretendToBeVisual: true });
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (key in globalThis) continue;
  try {
    globalThis[key] = dom.window[key];
  } catch {
    // a few window accessors throw outside the window; the SDK does not use them
  }
}
globalThis.window = dom.window;
globalThis.document = dom.window.document;
Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true });

const { Formio } = require('@formio/js');
Formio.setBaseUrl(`${baseUrl}/formio`);
Formio.setProjectUrl(projectUrl);

const fresh = { ignoreCache: true };
const operations = {
  setToken: ({ token }) => Formio.setToken(token),
  currentUser: () => Formio.currentUser(null, fresh),
  loadForm: ({ url }) => new Formio(url).loadForm({}, fresh),
  saveForm: ({ url, form }) => new Formio(url).saveForm(form),
  saveSubmission: ({ url, submission }) => new Formio(url).saveSubmission(submission),
  loadSubmission: ({ url }) => new Formio(url).loadSubmission({}, fresh),
  loadSubmissions: async ({ url, params }) => {
    const list = await new Formio(url).loadSubmissions({ params }, fresh);
    return { items: [...list], serverCount: list.serverCount, skip: list.skip, limit: list.limit };
  },
};

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const { id, op, args } = JSON.parse(line);
  try {
    const result = await operations[op](args ?? {});
    process.stdout.write(`${JSON.stringify({ id, ok: true, result: result ?? null })}\n`);
  } catch (error) {
    const reason = error instanceof Error ? { message: error.message } : error;
    process.stdout.write(`${JSON.stringify({ id, ok: false, error: reason })}\n`);
  }
});
lines.on('close', () => process.exit(0));
