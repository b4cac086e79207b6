import type { Request } from 'express';
import { Types } from 'mongoose';
import { idempotencyKeyOf, parseIdempotencyKey } from './idempotency-key';

describe('parseIdempotencyKey: the Idempotency-Key field value', () => {
  it.each([
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"with space and \\"quotes\\" and \\\\"', 'with space and "quotes" and \\'],
    [`"${'k'.repeat(255)}"`, 'k'.repeat(255)],
  ])('reads %s', (value, key) => {
    expect(parseIdempotencyKey(value)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['an empty string', '""'],
    ['too long', 'k'.repeat(256)],
    ['too long when quoted', `"${'k'.repeat(256)}"`],
    ['unterminated', '"abc'],
    ['with parameters', '"abc";p=1'],
    ['a bare value with a space', 'a b'],
    ['a bare value with a quote', 'a"b'],
    ['a bad escape', '"a\\nb"'],
    ['not ASCII', '"clé"'],
    ['a control character', '"a\tb"'],
  ])('refuses %s with 400 idempotency-key-invalid', (_name, value) => {
    expect(() => parseIdempotencyKey(value)).toThrow(expect.objectContaining({ status: 400, code: 'idempotency-key-invalid' }));
  });
});

describe('idempotencyKeyOf', () => {
  const owner = (user: Types.ObjectId, org: Types.ObjectId) => ({ auth: { user: { _id: user }, org: { _id: org } } });
  const req = (key: string | string[] | undefined, body: unknown) => {
    const values = key === undefined ? undefined : Array.isArray(key) ? key : [key];
    return { headers: { 'idempotency-key': values?.join(', ') }, headersDistinct: { 'idempotency-key': values }, body } as unknown as Request;
  };
  const alice = owner(new Types.ObjectId(), new Types.ObjectId());
  const bob = owner(new Types.ObjectId(), alice.auth.org._id);

  it('is undefined without the header', () => {
    expect(idempotencyKeyOf(req(undefined, {}), alice, 'op')).toBeUndefined();
  });

  it('scopes the key to the user and the organisation, and fingerprints operation and body', () => {
    const key = idempotencyKeyOf(req('k1', { a: 1 }), alice, 'op')!;
    expect(key.id).toMatch(/^[0-9a-f]{64}$/);
    expect(key.id).not.toContain('k1');
    expect(idempotencyKeyOf(req('"k1"', { a: 1 }), alice, 'op')).toEqual(key);
    expect(idempotencyKeyOf(req('k1', { a: 1 }), bob, 'op')!.id).not.toBe(key.id);
    const otherOrg = owner(alice.auth.user._id, new Types.ObjectId());
    expect(idempotencyKeyOf(req('k1', { a: 1 }), otherOrg, 'op')!.id).not.toBe(key.id);
    const changed = idempotencyKeyOf(req('k1', { a: 2 }), alice, 'op')!;
    expect(changed.id).toBe(key.id);
    expect(changed.fingerprint).not.toBe(key.fingerprint);
    expect(idempotencyKeyOf(req('k1', { a: 1 }), alice, 'other')!.fingerprint).not.toBe(key.fingerprint);
  });

  it('refuses two Idempotency-Key fields', () => {
    expect(() => idempotencyKeyOf(req(['a', 'b'], {}), alice, 'op')).toThrow(expect.objectContaining({ code: 'idempotency-key-invalid' }));
  });
});
