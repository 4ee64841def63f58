// A real OpenID provider (the certified `oidc-provider` package) on loopback, for the single sign-on
// tests. Run with plain Node (oidc-provider is ESM-only). Configuration comes in OIDC_TEST_CONFIG:
//   { "redirectUris": [...], "clientId": "...", "clientSecret": "...", "accounts": { "<sub>": { email, email_verified, name, deny } } }
// Prints {"issuer": "..."} on stdout once it listens; stops when stdin closes.
// The login and consent interactions are automatic: the account is the one chosen for this browser
// with GET /__test/as?sub=<sub> (a cookie on the provider), so a test decides who logs in. An account
// with "deny": true ends its login with error=access_denied, as when a user cancels or a policy refuses.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const cfg = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
const server = createServer((req, res) => handle(req, res).catch((e) => {
  res.statusCode = 500;
  res.end(String(e && e.stack || e));
}));
let provider;

function cookie(req, name) {
  const m = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]) : null;
}

async function handle(req, res) {
  const url = new URL(req.url, provider.issuer);
  if (url.pathname === '/__test/as') {
    res.setHeader('set-cookie', `test_account=${encodeURIComponent(url.searchParams.get('sub') ?? '')}; Path=/; HttpOnly; SameSite=Lax`);
    res.setHeader('content-type', 'text/plain');
    return res.end(`next login: ${url.searchParams.get('sub')}`);
  }
  if (url.pathname.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(req, res);
    const { prompt, params } = details;
    if (prompt.name === 'login') {
      const sub = cookie(req, 'test_account');
      if (!sub || !cfg.accounts[sub]) {
        res.statusCode = 400;
        return res.end(`no test account chosen (GET /__test/as?sub=…): ${sub}`);
      }
      if (cfg.accounts[sub].deny) {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the test user refused' }, { mergeWithLastSubmission: false });
      }
      return provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    }
    if (prompt.name === 'consent') {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
      if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
      if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      if (prompt.details.missingResourceScopes) {
        for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes)) grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    res.statusCode = 400;
    return res.end(`unexpected prompt ${prompt.name}`);
  }
  return provider.callback()(req, res);
}

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: cfg.clientId,
        client_secret: cfg.clientSecret,
        redirect_uris: cfg.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    async findAccount(_ctx, id) {
      const account = cfg.accounts[id];
      if (!account) return undefined;
      const { deny: _deny, ...claims } = account;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  });
  process.stdout.write(JSON.stringify({ issuer }) + '\n');
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
