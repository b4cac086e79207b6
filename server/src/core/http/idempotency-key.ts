import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { badRequest } from '../errors/app-error';
import type { IdempotencyKey } from '../db/idempotency';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const invalidKey = () => badRequest('idempotency-key-invalid', { params: { max: MAX_IDEMPOTENCY_KEY_LENGTH } });

/**
 * The key of an `Idempotency-Key` field value: a Structured Field String as the IETF draft has it (`"8e03…"`, with
 * `\"` and `\\` escapes), or the same characters unquoted, as many clients send it. 1 to 255 printable ASCII
 * characters; anything else (parameters, lists, control or non-ASCII characters) is a 400.
 */
export function parseIdempotencyKey(value: string): string {
  const text = value.trim();
  let key: string;
  if (text.startsWith('"')) {
    const match = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(text);
    if (!match) throw invalidKey();
    key = match[1]!.replace(/\\(["\\])/g, '$1');
  } else {
    if (!/^[\x21-\x7e]+$/.test(text) || /["\\]/.test(text)) throw invalidKey();
    key = text;
  }
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw invalidKey();
  return key;
}

interface HexId {
  toHexString(): string;
}

/** Who sends the key: keys are scoped per user and organisation. */
export interface KeyOwner {
  auth: { user: { _id: HexId }; org: { _id: HexId } };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The request's idempotency key, or undefined when it sends none (then nothing else is done). `operation` names
 * what is asked and where (e.g. `case-event <case id>`); with the body it makes the request's fingerprint.
 */
export function idempotencyKeyOf(req: Request, owner: KeyOwner, operation: string): IdempotencyKey | undefined {
  if (req.headers['idempotency-key'] === undefined) return undefined;
  const values = req.headersDistinct['idempotency-key'] ?? [];
  if (values.length !== 1) throw invalidKey();
  const key = parseIdempotencyKey(values[0]!);
  return {
    id: sha256(`${owner.auth.user._id.toHexString()}\n${owner.auth.org._id.toHexString()}\n${key}`),
    fingerprint: sha256(`${operation}\n${JSON.stringify(req.body ?? null)}`),
  };
}
