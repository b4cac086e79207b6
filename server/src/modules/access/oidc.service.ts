import * as client from 'openid-client';
import type { Connection } from 'mongoose';
import { notFound } from '../../core/errors/app-error';
import { invalidCredentials } from './access.errors';
import { organisationModel, type Organisation } from '../tenants';
import { oidcStateModel } from './oidc-state.model';
import { createSession } from './session.service';
import { userModel } from './user.model';

const STATE_MAX_AGE_MS = 10 * 60 * 1000;

async function organisationWithOidc(db: Connection, slug: string): Promise<Organisation & { oidc: NonNullable<Organisation['oidc']> }> {
  const org = await organisationModel(db).findOne({ slug }).lean();
  if (!org?.oidc?.issuer) throw notFound();
  return org as Organisation & { oidc: NonNullable<Organisation['oidc']> };
}

async function discover(org: Organisation & { oidc: NonNullable<Organisation['oidc']> }): Promise<client.Configuration> {
  const issuer = new URL(org.oidc.issuer);
  // Plain http is accepted only for a provider on this machine (development and tests).
  const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  return client.discovery(issuer, org.oidc.clientId, org.oidc.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
}

/** Organisations offering single sign-on, for the sign-in page. */
export async function listOidcOrganisations(db: Connection) {
  const orgs = await organisationModel(db).find({ 'oidc.issuer': { $exists: true } }, { slug: 1, name: 1 }).lean();
  return orgs.map((org) => ({ slug: org.slug, name: org.name }));
}

export async function startOidcLogin(db: Connection, slug: string, redirectUri: string): Promise<URL> {
  const org = await organisationWithOidc(db, slug);
  const config = await discover(org);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await oidcStateModel(db).create({ _id: state, orgId: org._id, codeVerifier, nonce, createdAt: new Date() });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
}

/**
 * Completes the sign-in: exchanges the code (PKCE, state and nonce checked), maps the e-mail claim to a platform
 * user who is a member of the organisation, and opens a session there. Unknown people are not created on the fly:
 * an administrator decides who may see case files.
 */
export async function finishOidcLogin(db: Connection, slug: string, callbackUrl: URL) {
  const org = await organisationWithOidc(db, slug);
  const stateParam = callbackUrl.searchParams.get('state') ?? '';
  const pending = await oidcStateModel(db).findOneAndDelete({ _id: stateParam, orgId: org._id }).lean();
  if (!pending || Date.now() - pending.createdAt.getTime() > STATE_MAX_AGE_MS) throw invalidCredentials();

  const config = await discover(org);
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending._id,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as Record<string, unknown> | undefined;
    const claimName = org.oidc.emailClaim || 'email';
    // Many providers put profile claims only in the userinfo response, not in the ID token.
    if (claims && typeof claims.sub === 'string' && claims[claimName] === undefined) {
      claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)) };
    }
  } catch (error) {
    throw invalidCredentials(error);
  }
  const email = claims?.[org.oidc.emailClaim || 'email'];
  if (typeof email !== 'string') throw invalidCredentials();
  const user = await userModel(db).findOne({ email: email.toLowerCase(), status: 'active', 'memberships.orgId': org._id }).lean();
  if (!user) throw invalidCredentials();
  if (typeof claims?.sub === 'string' && user.oidcSubject !== claims.sub) {
    await userModel(db).updateOne({ _id: user._id }, { $set: { oidcSubject: claims.sub } });
  }
  return createSession(db, { userId: user._id, orgId: org._id, method: 'oidc' });
}
