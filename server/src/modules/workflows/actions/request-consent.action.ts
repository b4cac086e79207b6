import { z } from 'zod';
import { defineAction } from './action.types';
import { IDENTIFIER_PATTERN } from '../../../contracts/workflows/workflow-definition.schemas';

export const requestConsentAction = defineAction({
  id: 'request-consent',
  paramsSchema: z.strictObject({ recipient: z.string().regex(IDENTIFIER_PATTERN) }),
  formPaths: () => ['consent-information'],
  describe: (p) => [
    { type: 'consent.request', recipient: p.recipient },
    { type: 'form.require', formPath: 'consent-information' },
  ],
});
