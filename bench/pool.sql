-- Unused refresh tokens made directly in SQL, as a refresh grant leaves
-- them: :n tokens of client :'client' for user :user, scope read, each with
-- its own access-token row (its family).  A token is 43 characters of
-- base64url, like the server's; the row holds sha256 of its text, which is
-- what the server stores (bench/run checks that on a real grant first).
-- Prints the tokens, one a line (run with psql -Atq).
CREATE TEMP TABLE pool AS
SELECT i, gen_random_uuid() AS access_id,
    translate(rtrim(encode(sha256(convert_to(gen_random_uuid()::text || i,
    'UTF8')), 'base64'), '='), '+/', '-_') AS token
FROM generate_series(1, :n) i;

INSERT INTO oauth_access_tokens (id, user_id, client_id, scopes, expires_at)
SELECT access_id, :user, :'client', '{read}', now() + interval '15 min'
FROM pool;

INSERT INTO oauth_refresh_tokens (id, access_token_id, family_id, scopes,
    expires_at)
SELECT sha256(convert_to(token, 'UTF8')), access_id, access_id, '{read}',
    now() + interval '1 day'
FROM pool;

SELECT token FROM pool ORDER BY i;
