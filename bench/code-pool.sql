-- Unused authorization codes made directly in SQL, as an approval at
-- /oauth/authorize leaves them: :n codes of client :'client' for user
-- :user, scopes :'scopes' (a text[] literal), redirect URI :'redirect',
-- no PKCE challenge, and the id_token context an OpenID approval stores
-- (nonce, auth_time, sid, amr; unused when the scopes lack openid).  A
-- code is 43 characters of base64url, like the server's; the row holds
-- sha256 of its text (bench/run checks that on a real exchange first).
-- Prints the codes, one a line (run with psql -Atq).
CREATE TEMP TABLE pool AS
SELECT translate(rtrim(encode(sha256(convert_to(gen_random_uuid()::text || i,
    'UTF8')), 'base64'), '='), '+/', '-_') AS code
FROM generate_series(1, :n) i;

INSERT INTO oauth_auth_codes (id, user_id, client_id, scopes, redirect_uri,
    expires_at, nonce, auth_time, sid, amr)
SELECT sha256(convert_to(code, 'UTF8')), :user, :'client', :'scopes',
    :'redirect', now() + interval '1 hour', 'bench-nonce', now(),
    gen_random_uuid(), 'pwd'
FROM pool;

SELECT code FROM pool;
