import type { RawRuleOf } from '@casl/ability';
import type { PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';

export interface Membership {
  id: string;
  slug: string;
  name: string;
  role: { key: string; name: string };
}

/** The shape of `GET /api/me`, `POST /api/auth/login` and `POST /api/auth/switch`. */
export interface SessionInfo {
  user: { id: string; email: string; name: string };
  org: { id: string; slug: string; name: string; country: string; type: string };
  role: { id: string; key: string; name: string };
  organisations: Membership[];
  rules: PackRule<RawRuleOf<AppAbility>>[];
  csrfToken: string;
  /** Set while the session is handed over to the person of a case (issue 18): only the person view is shown. */
  personView?: { caseId: string } | null;
}
