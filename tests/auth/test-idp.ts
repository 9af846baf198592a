import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OpenID Connect provider in the test process (the certified
// `oidc-provider` package) on 127.0.0.1, with a one-field login page of our
// own: for tests/security/oidc-sign-in.integration.test.ts (next-auth's
// handler in-process) and e2e/sso-oidc.spec.ts (a browser and a server).

export interface IdpAccount {
  email: string;
  name: string;
  groups: string[];
}

export interface TestIdp {
  /** http://127.0.0.1:<port>: what OIDC_ISSUER points at (discovery is fetched from there). */
  url: string;
  /** Who can sign in, by login name (the `sub`); change `groups` between sign-ins. */
  accounts: Map<string, IdpAccount>;
  /** Registers the app's callback URL (known once the app runs); `issuer` overrides the name the IdP gives itself. */
  register(appBase: string, options?: { issuer?: string }): void;
  /**
   * The next redirect back to the app is changed by `edit` (e.g. a forged
   * state), as an attacker's link to the callback would be: a browser's
   * redirect chain cannot be intercepted from Playwright after its first hop.
   */
  tamperNextCallback(edit: (callback: URL) => void): void;
  stop(): Promise<void>;
}

export const CLIENT = { id: "ipam-e2e", secret: "ipam-e2e-client-secret" };

/** The IdP's HTTP server; the provider itself is made by `register`, once the app's redirect URI is known. */
export async function startTestIdp(accounts = new Map<string, IdpAccount>()): Promise<TestIdp> {
  let provider: Provider | null = null;
  let redirectUri = "";
  let tamper: ((callback: URL) => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end("IdP not registered yet");
    const current = provider;
    if (tamper) {
      const edit = tamper;
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => {
        if (name.toLowerCase() === "location" && String(value).startsWith(`${redirectUri}?`)) {
          const callback = new URL(String(value));
          edit(callback);
          tamper = null;
          return setHeader(name, callback.toString());
        }
        return setHeader(name, value);
      };
    }
    if (req.url?.startsWith("/interaction/")) return void interaction(current, accounts, req, res).catch((error: Error) => res.writeHead(500).end(error.message));
    current.callback()(req, res);
  });
  // Every interface: the wrong-issuer test names it http://localhost:<port>, which Node may resolve to ::1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    accounts,
    register(appBase, options = {}) {
      redirectUri = `${appBase}/api/auth/callback/oidc`;
      provider = makeProvider(options.issuer ?? url, redirectUri, accounts);
    },
    tamperNextCallback(edit) {
      tamper = edit;
    },
    stop: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function makeProvider(issuer: string, redirectUri: string, accounts: Map<string, IdpAccount>): Provider {
  return new Provider(issuer, {
    clients: [{
      client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [redirectUri],
      grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic",
    }],
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    pkce: { required: () => true },
    cookies: { keys: ["sso-e2e-cookie-key-0123456789"] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      // Read at token time: a test changes groups between sign-ins.
      return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: true, name: account.name, groups: [...account.groups] }) };
    },
    // A first-party client: consent is implied (the scopes the app asks for are granted).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });
}

/** GET: a login form with one field; POST: the login name, which must be a known account. */
async function interaction(provider: Provider, accounts: Map<string, IdpAccount>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "POST") {
    const login = new URLSearchParams(await body(req)).get("login") ?? "";
    if (accounts.has(login)) {
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
    `<!doctype html><title>Test IdP</title><form method="post" action="/interaction/${details.uid}">` +
      `<label>Login name <input name="login" autofocus></label><button type="submit">Continue</button></form>`,
  );
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("end", () => resolve(text)).on("error", reject);
  });
}
