import { hash, verify } from '@node-rs/argon2';

// 2 = Argon2id in @node-rs/argon2's const enum (a const enum cannot be imported under isolatedModules).
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes): strong enough, and a login stays well under 100 ms on one core.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. For an unknown account it verifies against a dummy hash, so the answer takes as long
 * as for a real account and response times do not reveal which e-mail addresses exist.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password-but-the-same-cost');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
