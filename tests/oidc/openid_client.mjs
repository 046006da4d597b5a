/*
 * cpassport as an OpenID Provider, seen by the certified relying-party
 * library openid-client (v6, over oauth4webapi) and by jose: discovery,
 * authorization code + PKCE (S256) + nonce, the id_token's checks, userinfo,
 * refresh, RP-initiated logout, the id_token and access token of each
 * signing algorithm against the JWKS, form_post, remembered consent,
 * custom claims, and the negative cases.  The pages
 * are driven by browser.mjs.  Prints "ok"/"not ok" lines without a plan:
 * openid-client.sh folds them into its TAP stream.
 *
 *   node openid_client.mjs CHECK...   the checks to run, in order (each
 *                                     may use what an earlier one left)
 *
 * Environment: BASE (the issuer, https), CB (every client's redirect URI),
 * POST_LOGOUT (the RS256 client's post-logout redirect URI), USER_ID
 * USER_EMAIL USER_PASSWORD USER_NAME, and ID/SECRET pairs RS_ID RS_SECRET,
 * ES_ID ES_SECRET, ED_ID ED_SECRET (clients signing id_tokens with RS256,
 * ES256, EdDSA) and NONCE_ID NONCE_SECRET (a --require-nonce client).
 * TLS: the CA in NODE_EXTRA_CA_CERTS; no insecure request is allowed.
 */
import * as client from 'openid-client';
import * as jose from 'jose';
import { Browser, forms } from './browser.mjs';

const E = process.env;
const BASE = E.BASE;
const CB = E.CB;
const OIDC_SCOPE = 'openid profile email';
const browser = new Browser(BASE);
const S = {};	/* what one check leaves for the next */
let n = 0;

function assert(cond, why) {
	if (!cond)
		throw new Error(why);
}
function eq(got, want, what) {
	assert(got === want, `${what}: got ${JSON.stringify(got)}, ` +
	    `want ${JSON.stringify(want)}`);
}

/* The strictest configuration: OIDC discovery, id_token signatures checked
 * against the JWKS even from the token endpoint, auth_time required. */
async function configure(id, secret, alg = 'RS256') {
	return client.discovery(new URL(BASE), id, {
		id_token_signed_response_alg: alg,
		require_auth_time: true,
	}, client.ClientSecretBasic(secret), {
		execute: [client.enableNonRepudiationChecks],
	});
}

/* The pages: sign in on a login form, approve a consent page. */
function user(page, list) {
	const login = list.find((f) => f.inputs.some((i) => i.type === 'password'));
	if (login) {
		S.loginPages = (S.loginPages || 0) + 1;
		return { form: login, extra: { email: E.USER_EMAIL,
		    password: E.USER_PASSWORD } };
	}
	const consent = list.find((f) => f.buttons.some((b) => b.value === 'approve'));
	if (consent) {
		S.consentPages = (S.consentPages || 0) + 1;
		return { form: consent, extra: { action: 'approve' } };
	}
	return null;
}

/* A confirmation page (one form, 200): confirm it. */
function confirm(page, list) {
	return list.length === 1 && page.status === 200 ?
	    { form: list[0], extra: {} } : null;
}

/* An authorization request through the pages; the redirect back to CB. */
async function authorize(config, params) {
	const r = await browser.drive(client.buildAuthorizationUrl(config, params),
	    user);
	assert(r.out, `no redirect back (status ${r.status}: ` +
	    `${r.body.replace(/<[^>]*>/g, ' ').slice(0, 200)})`);
	eq(r.out.origin + r.out.pathname, CB, 'redirect target');
	return r.out;
}

/* A code flow with every check openid-client has; its tokens. */
async function codeFlow(config, extra = {}, checks = {}) {
	const verifier = client.randomPKCECodeVerifier();
	const nonce = client.randomNonce();
	const state = client.randomState();
	const back = await authorize(config, {
		redirect_uri: CB, scope: OIDC_SCOPE, nonce, state,
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256', ...extra,
	});
	return client.authorizationCodeGrant(config, back, {
		pkceCodeVerifier: verifier, expectedNonce: nonce,
		expectedState: state, ...checks,
	});
}

/* The error a promise is rejected with; an Error when it resolves. */
async function refusal(p) {
	try {
		await p;
	} catch (e) {
		return e;
	}
	throw new Error('accepted');
}

/* jose's own JWKS client on the document's jwks_uri. */
function jwks(config) {
	return jose.createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri));
}

/* RFC 9068 §2.1-§4: an access token as a resource server checks it. */
async function accessToken(set, token, clientId) {
	const a = await jose.jwtVerify(token, set, { issuer: BASE, typ: 'at+jwt',
	    requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'] });
	eq(a.payload.sub, E.USER_ID, 'access token sub');
	eq(a.payload.client_id, clientId, 'access token client_id');
	return a;
}

const checks = {
	/* Discovery 1.0 §4: the document at the issuer's well-known path. */
	async 'oidc-discovery'() {
		S.rs = await configure(E.RS_ID, E.RS_SECRET);
		const m = S.rs.serverMetadata();
		eq(m.issuer, BASE, 'issuer');
		eq(m.userinfo_endpoint, `${BASE}/oauth/userinfo`, 'userinfo_endpoint');
		eq(m.end_session_endpoint, `${BASE}/oauth/logout`, 'end_session_endpoint');
		assert(m.code_challenge_methods_supported.includes('S256'), 'S256');
		for (const a of ['RS256', 'ES256', 'EdDSA'])
			assert(m.id_token_signing_alg_values_supported.includes(a), a);
	},
	/* Core §3.1.2-§3.1.3.7 with PKCE: the id_token validated by
	 * openid-client (iss, aud, exp, iat, nonce, at_hash, signature). */
	async 'oidc-authcode-pkce-nonce'() {
		browser.clear();
		const t0 = Math.floor(Date.now() / 1000);
		S.tokens = await codeFlow(S.rs);
		const c = S.tokens.claims();
		eq(c.iss, BASE, 'iss');
		eq(c.aud, E.RS_ID, 'aud');
		eq(c.sub, E.USER_ID, 'sub');
		eq(c.azp, E.RS_ID, 'azp');
		assert(c.auth_time >= t0 - 5 && c.auth_time <= c.iat, 'auth_time');
		assert(typeof c.at_hash === 'string', 'at_hash');
		assert(typeof c.sid === 'string' && c.sid.length > 0, 'sid');
		eq(JSON.stringify(c.amr), '["pwd"]', 'amr');
		assert(c.exp > c.iat, 'exp after iat');
		S.claims = c;
	},
	/* Core §5.3.2: the userinfo sub is the id_token's. */
	async 'oidc-userinfo-sub-matches'() {
		const u = await client.fetchUserInfo(S.rs, S.tokens.access_token,
		    S.claims.sub);
		eq(u.sub, S.claims.sub, 'sub');
		eq(u.email, E.USER_EMAIL, 'email');
		eq(typeof u.email_verified, 'boolean', 'email_verified');
		eq(u.name, E.USER_NAME, 'name');
	},
	/* Core §12.2: a refresh brings a new id_token, same sub and auth_time. */
	async 'oidc-refresh-new-id-token-same-sub'() {
		const r = await client.refreshTokenGrant(S.rs, S.tokens.refresh_token);
		const c = r.claims();
		assert(c, 'an id_token');
		assert(r.id_token !== S.tokens.id_token, 'a new id_token');
		eq(c.sub, S.claims.sub, 'sub');
		eq(c.auth_time, S.claims.auth_time, 'auth_time');
		eq(c.aud, E.RS_ID, 'aud');
		S.refreshed = r;
	},
	/* RP-Initiated Logout 1.0 §2-§3: a confirmation page, its POST, then
	 * the registered URI with state; the session is gone. */
	async 'oidc-logout-confirm-redirect-state'() {
		const state = client.randomState();
		const url = client.buildEndSessionUrl(S.rs, {
			id_token_hint: S.refreshed.id_token,
			post_logout_redirect_uri: E.POST_LOGOUT, state,
		});
		const page = await browser.get(url);
		eq(page.status, 200, 'confirmation page status');
		const r = await browser.drive(url, confirm);
		assert(r.out, `no redirect after the POST (status ${r.status})`);
		eq(`${r.out.origin}${r.out.pathname}`, E.POST_LOGOUT, 'redirect target');
		eq(r.out.searchParams.get('state'), state, 'state');
		/* Core §3.1.2.6: signed out, prompt=none has no session. */
		const back = await authorize(S.rs, { redirect_uri: CB,
		    scope: OIDC_SCOPE, prompt: 'none', state: 'x',
		    nonce: client.randomNonce() });
		eq(back.searchParams.get('error'), 'login_required', 'after logout');
	},
	/* The id_token and access token of each algorithm (Core §15.1 RS256;
	 * ES256, EdDSA per client) verified by jose against the JWKS. */
	async 'oidc-jose-rs256-es256-eddsa'() {
		const set = jwks(S.rs);
		const cfg = { RS256: [E.RS_ID, E.RS_SECRET], ES256: [E.ES_ID, E.ES_SECRET],
		    EdDSA: [E.ED_ID, E.ED_SECRET] };
		for (const [alg, [id, secret]] of Object.entries(cfg)) {
			const t = await codeFlow(await configure(id, secret, alg));
			const v = await jose.jwtVerify(t.id_token, set, { issuer: BASE,
			    audience: id, algorithms: [alg], requiredClaims:
			    ['sub', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash'] });
			eq(v.protectedHeader.alg, alg, `${alg} id_token alg`);
			assert(v.protectedHeader.kid, `${alg} id_token kid`);
			eq(v.payload.sub, E.USER_ID, `${alg} id_token sub`);
			await accessToken(set, t.access_token, id);
		}
	},
	/* Core §3.1.3.7 item 11: another nonce than the request's is refused. */
	async 'oidc-wrong-nonce-refused'() {
		const verifier = client.randomPKCECodeVerifier();
		const back = await authorize(S.rs, { redirect_uri: CB,
		    scope: OIDC_SCOPE, nonce: client.randomNonce(), state: 's',
		    code_challenge: await client.calculatePKCECodeChallenge(verifier),
		    code_challenge_method: 'S256' });
		const err = await refusal(client.authorizationCodeGrant(S.rs, back, {
		    pkceCodeVerifier: verifier, expectedState: 's',
		    expectedNonce: client.randomNonce() }));
		assert(/"nonce" claim/.test(why(err)), `refused for: ${why(err)}`);
	},
	/* Core §3.1.2.1 nonce, required for this client: an error redirect. */
	async 'oidc-require-nonce-missing-error'() {
		const cfg = await configure(E.NONCE_ID, E.NONCE_SECRET);
		const back = await authorize(cfg, { redirect_uri: CB,
		    scope: OIDC_SCOPE, state: 'n' });
		eq(back.searchParams.get('error'), 'invalid_request', 'error');
		eq(back.searchParams.get('state'), 'n', 'state');
		eq(back.searchParams.get('code'), null, 'no code');
	},
	/* Core §3.1.2.6: prompt=none without a session, no page. */
	async 'oidc-prompt-none-login-required'() {
		browser.clear();
		const back = await authorize(S.rs, { redirect_uri: CB,
		    scope: OIDC_SCOPE, prompt: 'none', state: 'p',
		    nonce: client.randomNonce() });
		eq(back.searchParams.get('error'), 'login_required', 'error');
		eq(back.searchParams.get('state'), 'p', 'state');
		/* openid-client reads it as the error it is (RFC 6749 §4.1.2.1). */
		const err = await refusal(client.authorizationCodeGrant(S.rs, back,
		    { expectedState: 'p', expectedNonce: 'unused' }));
		eq(err.error, 'login_required', 'openid-client error');
	},
	/* Core §3.1.2.1 max_age=0: the login form again though signed in;
	 * openid-client checks auth_time against maxAge 0. */
	async 'oidc-max-age-0-login-again'() {
		browser.clear();
		await codeFlow(S.rs);
		S.loginPages = 0;
		const t = await codeFlow(S.rs, { max_age: '0' }, { maxAge: 0 });
		eq(S.loginPages, 1, 'login forms shown with a session');
		assert(t.claims().auth_time >= S.claims.auth_time, 'auth_time');
	},
	/* Core §5.3.3, RFC 6750 §3.1: a token without openid is refused. */
	async 'oidc-userinfo-without-openid-403'() {
		const verifier = client.randomPKCECodeVerifier();
		const back = await authorize(S.rs, { redirect_uri: CB,
		    scope: 'read', state: 'r',
		    code_challenge: await client.calculatePKCECodeChallenge(verifier),
		    code_challenge_method: 'S256' });
		const t = await client.authorizationCodeGrant(S.rs, back, {
		    pkceCodeVerifier: verifier, expectedState: 'r' });
		eq(t.id_token, undefined, 'no id_token without openid');
		const r = await fetch(S.rs.serverMetadata().userinfo_endpoint,
		    { headers: { authorization: `Bearer ${t.access_token}` } });
		eq(r.status, 403, 'status');
		assert(/error="insufficient_scope"/.test(
		    r.headers.get('www-authenticate') || ''), 'insufficient_scope');
		const err = await refusal(client.fetchUserInfo(S.rs, t.access_token,
		    E.USER_ID));
		/* oauth4webapi: the challenge parsed from WWW-Authenticate. */
		eq(err.status, 403, 'openid-client status');
		eq(err.cause?.[0]?.parameters?.error, 'insufficient_scope',
		    'openid-client challenge');
	},
	/* RP-Initiated Logout 1.0 §3: an unregistered URI is never redirected
	 * to, before or after the confirmation. */
	async 'oidc-logout-unregistered-uri-no-redirect'() {
		browser.clear();
		const t = await codeFlow(S.rs);
		const evil = 'https://evil.example/after';
		const url = client.buildEndSessionUrl(S.rs, {
			id_token_hint: t.id_token, post_logout_redirect_uri: evil,
			state: 'e' });
		const r = await browser.drive(url, confirm);
		assert(!r.out, `redirected to ${r.out}`);
		assert(!(r.location || '').startsWith(evil), 'Location');
		for (const p of r.pages)
			assert(!p.body.includes('evil.example'), 'the URI echoed');
	},
	/* OAuth 2.0 Form Post Response Mode §2: the code comes back in a page
	 * whose form POSTs to the redirect URI; openid-client takes that POST
	 * as the authorization response (a Request). */
	async 'oidc-form-post-response-mode'() {
		const verifier = client.randomPKCECodeVerifier();
		const nonce = client.randomNonce();
		const url = client.buildAuthorizationUrl(S.rs, { redirect_uri: CB,
		    scope: OIDC_SCOPE, nonce, state: 'f', response_mode: 'form_post',
		    code_challenge: await client.calculatePKCECodeChallenge(verifier),
		    code_challenge_method: 'S256' });
		const r = await browser.drive(url, user);
		assert(!r.out, `a redirect to ${r.out}`);
		eq(r.status, 200, 'status');
		const post = forms(r.body).find((f) => f.action === CB);
		assert(post, 'a form to the redirect URI');
		eq(post.method, 'post', 'method');
		eq(post.fields.state, 'f', 'state');
		eq(post.fields.iss, BASE, 'iss');
		assert(/no-store/.test(r.headers.get('cache-control')), 'no-store');
		assert(/script-src 'sha256-/.test(
		    r.headers.get('content-security-policy') || ''), 'CSP hash');
		const t = await client.authorizationCodeGrant(S.rs, new Request(CB, {
		    method: 'POST', body: new URLSearchParams(post.fields) }), {
		    pkceCodeVerifier: verifier, expectedNonce: nonce,
		    expectedState: 'f' });
		eq(t.claims().sub, E.USER_ID, 'sub');
	},
	/* Core §3.1.2.1 id_token_hint: one issued to another client is
	 * invalid_request, even with a session (prompt=none). */
	async 'oidc-id-token-hint-other-client'() {
		browser.clear();
		const es = await codeFlow(await configure(E.ES_ID, E.ES_SECRET,
		    'ES256'));
		const back = await authorize(S.rs, { redirect_uri: CB,
		    scope: OIDC_SCOPE, prompt: 'none', state: 'h',
		    nonce: client.randomNonce(), id_token_hint: es.id_token });
		eq(back.searchParams.get('error'), 'invalid_request', 'error');
		eq(back.searchParams.get('state'), 'h', 'state');
		eq(back.searchParams.get('code'), null, 'no code');
	},
	/* Core §3.1.2.1: an expired id_token of ours is still a hint (the
	 * stack runs with id_token_lifetime = 1 for this one). */
	async 'oidc-id-token-hint-expired-accepted'() {
		S.rs = await configure(E.RS_ID, E.RS_SECRET);
		browser.clear();
		const t = await codeFlow(S.rs);
		const exp = t.claims().exp;
		await new Promise((ok) => setTimeout(ok,
		    (exp + 2) * 1000 - Date.now()));
		const err = await refusal(jose.jwtVerify(t.id_token, jwks(S.rs),
		    { issuer: BASE, audience: E.RS_ID, clockTolerance: 0 }));
		eq(err.code, 'ERR_JWT_EXPIRED', 'the hint has expired');
		const again = await codeFlow(S.rs, { prompt: 'none',
		    id_token_hint: t.id_token });
		eq(again.claims().sub, E.USER_ID, 'sub');
		eq(again.claims().sid, t.claims().sid, 'the same session');
	},
	/* Issue #12 item 7: consent once given is not asked again for the
	 * same scopes; prompt=consent asks all the same (Core §3.1.2.1). */
	async 'oidc-consent-remembered-prompt-consent'() {
		browser.clear();
		S.consentPages = 0;
		await codeFlow(S.rs);
		eq(S.consentPages, 0, 'consent pages, remembered');
		await codeFlow(S.rs, { prompt: 'consent' });
		eq(S.consentPages, 1, 'consent pages with prompt=consent');
	},
	/* Issue #12 item 2: custom claims, each under the scope the config
	 * binds it to (department: profile, badge: email), in the id_token,
	 * userinfo and, where access_token_claims says, the access token;
	 * email_verified as the operator set it (Core §5.1, §5.4). */
	async 'oidc-custom-claims-by-scope'() {
		const t = await codeFlow(S.rs);
		const c = t.claims();
		const u = await client.fetchUserInfo(S.rs, t.access_token, c.sub);
		for (const [what, o] of [['id_token', c], ['userinfo', u]]) {
			eq(o.department, 'R&D', `${what} department`);
			eq(JSON.stringify(o.badge), '{"n":7}', `${what} badge`);
			eq(o.email_verified, true, `${what} email_verified`);
		}
		const a = await accessToken(jwks(S.rs), t.access_token, E.RS_ID);
		eq(a.payload.department, 'R&D', 'access token department');
		eq(a.payload.badge, undefined, 'access token badge');
		const p = await codeFlow(S.rs, { scope: 'openid profile' });
		const pu = await client.fetchUserInfo(S.rs, p.access_token, c.sub);
		eq(pu.department, 'R&D', 'profile only: department');
		eq(pu.badge, undefined, 'profile only: no badge');
		eq(pu.email, undefined, 'profile only: no email');
		eq(p.claims().badge, undefined, 'profile only: id_token badge');
	},
	/* Plain OAuth 2.0 through the RFC 8414 document: code + PKCE. */
	async 'oauth2-authcode-pkce'() {
		const cfg = await client.discovery(new URL(BASE), E.RS_ID, {},
		    client.ClientSecretBasic(E.RS_SECRET), { algorithm: 'oauth2' });
		eq(cfg.serverMetadata().issuer, BASE, 'issuer');
		browser.clear();
		const verifier = client.randomPKCECodeVerifier();
		const back = await authorize(cfg, { redirect_uri: CB, scope: 'read',
		    state: 'o',
		    code_challenge: await client.calculatePKCECodeChallenge(verifier),
		    code_challenge_method: 'S256' });
		const t = await client.authorizationCodeGrant(cfg, back, {
		    pkceCodeVerifier: verifier, expectedState: 'o' });
		eq(t.token_type.toLowerCase(), 'bearer', 'token_type');
		eq(t.scope, 'read', 'scope');
		const r = await client.refreshTokenGrant(cfg, t.refresh_token);
		assert(r.access_token && r.access_token !== t.access_token,
		    'a new access token');
		S.oauth2 = { cfg, token: r.access_token };
	},
	/* The access token of that flow verified by jose through the JWKS. */
	async 'jose-access-token-at-jwt'() {
		const a = await accessToken(jwks(S.oauth2.cfg), S.oauth2.token,
		    E.RS_ID);
		eq(a.protectedHeader.typ, 'at+jwt', 'typ');
		eq(a.payload.scope, 'read', 'scope');
	},
};

/* An error and its causes, one after the other. */
function why(e) {
	const out = [];
	for (let c = e; c !== undefined && out.length < 5; c = c.cause) {
		if (c instanceof Response)
			out.push(`HTTP ${c.status} ${c.url}`);
		else if (c instanceof Error)
			out.push(`${c.name}: ${c.message}`);
		else
			out.push(JSON.stringify(c));
		if (!(c instanceof Error))
			break;
	}
	return out.join(' <- ');
}

for (const name of process.argv.slice(2)) {
	n++;
	try {
		if (!checks[name])
			throw new Error(`no check ${name}`);
		await checks[name]();
		console.log(`ok ${n} - ${name}`);
	} catch (e) {
		console.log(`not ok ${n} - ${name}`);
		console.log(`# ${why(e)}`.replace(/\n/g, '\n# '));
	}
}
