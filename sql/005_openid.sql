-- OpenID Connect (Core 1.0, RP-Initiated Logout 1.0): what an OpenID
-- Provider keeps beyond OAuth's tables.  Every column has a default, so
-- rows made before it keep working; a client, user or session made before
-- this migration is an OpenID one from now on with these defaults.

-- Core §5.1 standard claims beyond name and email.
ALTER TABLE users
	ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- Claims an operator attaches to a user (`cpassport user claim`), each
-- released under the scope the config binds it to.  Registered claim
-- names (RFC 7519 §4.1, Core §2 and §5.1) are refused here as in the CLI,
-- so a custom claim can never stand in for one the server vouches for.
CREATE TABLE cpassport_user_claims (
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$'
			    AND name NOT IN ('iss', 'sub', 'aud', 'exp', 'nbf',
			    'iat', 'jti', 'auth_time', 'nonce', 'acr', 'amr',
			    'azp', 'at_hash', 'c_hash', 'sid', 'scope', 'scopes',
			    'client_id', 'cnf', 'name', 'email',
			    'email_verified', 'updated_at', 'given_name',
			    'family_name', 'middle_name', 'nickname',
			    'preferred_username', 'profile', 'picture',
			    'website', 'gender', 'birthdate', 'zoneinfo',
			    'locale', 'phone_number', 'phone_number_verified',
			    'address')),
	value		jsonb NOT NULL CHECK (length(value::text) <= 4096),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, name)
);

-- Dynamic Client Registration 1.0 §2 metadata, registered by the CLI.
-- RS256 is the default there and the one algorithm every provider has
-- (Core §15.1).
ALTER TABLE oauth_clients
	ADD COLUMN id_token_signed_response_alg text NOT NULL DEFAULT 'RS256'
	    CHECK (id_token_signed_response_alg IN ('RS256', 'ES256', 'EdDSA')),
	ADD COLUMN require_nonce boolean NOT NULL DEFAULT false,
	ADD COLUMN post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
	-- consent once given is not asked again (never for prompt=consent)
	ADD COLUMN remember_consent boolean NOT NULL DEFAULT true;

-- The login session: its OpenID session id (the id_token's "sid"), when
-- and how the user authenticated (Core §2 auth_time, RFC 8176 amr: "pwd"
-- for the login form, "ext" for REMOTE_USER).
ALTER TABLE oauth_sessions
	ADD COLUMN sid uuid NOT NULL DEFAULT gen_random_uuid(),
	ADD COLUMN auth_time timestamptz NOT NULL DEFAULT now(),
	ADD COLUMN amr text NOT NULL DEFAULT 'pwd' CHECK (amr IN ('pwd', 'ext'));
CREATE UNIQUE INDEX oauth_sessions_sid_key ON oauth_sessions (sid);

-- The clients a session signed in to (RP-Initiated Logout: what a logout
-- ends).  Rows go with their session.
CREATE TABLE oauth_session_clients (
	sid		uuid NOT NULL REFERENCES oauth_sessions (sid) ON DELETE CASCADE,
	client_id	uuid NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (sid, client_id)
);
CREATE INDEX oauth_session_clients_client_id_idx ON oauth_session_clients (client_id);

-- A code carries what its id_token will say (Core §3.1.2.1 nonce; auth_time,
-- sid and amr of the session that approved it).
ALTER TABLE oauth_auth_codes
	ADD COLUMN nonce text CHECK (length(nonce) BETWEEN 1 AND 512),
	ADD COLUMN auth_time timestamptz,
	ADD COLUMN sid uuid,
	ADD COLUMN amr text CHECK (amr IN ('pwd', 'ext'));

-- A refresh token carries them on, so an id_token from a refresh has the
-- same sub, auth_time and sid as the first (Core §12.2).  NULL: the grant
-- was not an OpenID one.
ALTER TABLE oauth_refresh_tokens
	ADD COLUMN auth_time timestamptz,
	ADD COLUMN sid uuid,
	ADD COLUMN amr text CHECK (amr IN ('pwd', 'ext'));

-- Consent remembered per user and client: the scopes approved, until the
-- user or an operator revokes it.
CREATE TABLE oauth_consents (
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	client_id	uuid NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
	scopes		text[] NOT NULL DEFAULT '{}',
	revoked		boolean NOT NULL DEFAULT false,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, client_id)
);
CREATE INDEX oauth_consents_client_id_idx ON oauth_consents (client_id);

-- The OpenID scopes (Core §5.4), with what the consent screen says.
INSERT INTO oauth_scopes (id, description) VALUES
	('openid', 'sign you in with your account'),
	('profile', 'see your name'),
	('email', 'see your e-mail address')
ON CONFLICT (id) DO NOTHING;
