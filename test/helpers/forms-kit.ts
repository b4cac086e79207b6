/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read field by field */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { TestApp } from './test-app';

const ROOT = path.resolve(__dirname, '..', '..');

export function readJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as T;
}

/** Creates (and by default publishes) a form through the native API as the given token's user. */
export async function createForm(t: TestApp, token: string, definition: unknown, publish = true): Promise<Record<string, any>> {
  const response = await request(t.app).post('/api/forms').set('x-jwt-token', token).send({ definition, publish });
  if (response.status !== 201) throw new Error(`creating the form failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const auth = (token: string) => ({ 'x-jwt-token': token });
