import { useAbility } from '@casl/react';
import type { AppAbility } from './ability';

export { AbilityProvider, Can } from '@casl/react';

/** The signed-in user's ability (the same packed rules the server enforces). */
export function useAppAbility(): AppAbility {
  return useAbility<AppAbility>();
}
