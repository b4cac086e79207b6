import type { RequestHandler } from 'express';
import type { TFunction } from 'i18next';
import { FALLBACK_LANGUAGE, type ServerI18n } from '../i18n/i18n';

export interface RequestContext {
  requestId: string;
  language: string;
  t: TFunction;
}

declare module 'express-serve-static-core' {
  interface Request {
    ctx: RequestContext;
  }
}

/** Language from Accept-Language (q-values honoured), English when nothing offered matches. */
export function requestContext(i18n: ServerI18n): RequestHandler {
  // Negotiation answers the first offer when the header is missing or "*": offer the fallback first.
  const offers = [FALLBACK_LANGUAGE, ...i18n.languages.filter((language) => language !== FALLBACK_LANGUAGE)];
  return (req, _res, next) => {
    const accepted = req.acceptsLanguages(...offers);
    const language = typeof accepted === 'string' ? accepted : FALLBACK_LANGUAGE;
    req.ctx = {
      requestId: String(req.id),
      language,
      t: i18n.instance.getFixedT(language),
    };
    next();
  };
}
