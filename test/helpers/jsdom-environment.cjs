// A Jest environment for the client's component tests: Jest's Node environment with a jsdom window's DOM on the
// global object (window, document, HTMLElement, events …), so that react-dom renders as in a browser. The project
// has jsdom (for the Form.io SDK tests) but not jest-environment-jsdom, which would bring an older jsdom of its own.
// A test asks for it with the docblock `@jest-environment ./test/helpers/jsdom-environment.cjs`.
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');
const { JSDOM } = require('jsdom');

/** Node's own classes that the DOM must replace: jsdom dispatches only its own events. */
const FROM_DOM = ['Event', 'EventTarget', 'CustomEvent', 'MessageEvent', 'AbortController', 'AbortSignal', 'DOMException', 'navigator'];

class JsdomEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html lang="en"><head></head><body></body></html>', {
      url: 'http://localhost/',
      pretendToBeVisual: true,
    });
    const { window } = this.dom;
    for (const key of Object.getOwnPropertyNames(window)) {
      if (key in this.global && !FROM_DOM.includes(key)) continue;
      Object.defineProperty(this.global, key, { configurable: true, enumerable: true, get: () => window[key], set: undefined });
    }
    // React asks for this flag before it wraps updates in act().
    this.global.IS_REACT_ACT_ENVIRONMENT = true;
  }

  async teardown() {
    this.dom?.window.close();
    await super.teardown();
  }
}

module.exports = JsdomEnvironment;
