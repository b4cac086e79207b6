// A real OpenID Connect provider (the `oidc-provider` package) for the OIDC sign-in test, run as its own process
// because the package is ESM-only. Accounts are e-mail addresses; any password is accepted by its dev login form.
// Usage: node oidc-provider.mjs <port> <clientId> <clientSecret> <redirectUri>
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    { client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] },
  ],
  findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: `subject-${id}`, email: id, email_verified: true }) }),
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  // Skip the consent screen: the test is about our side of the flow.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
