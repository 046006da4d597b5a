-- The pool bench/refresh.sql rotates: for each pgbench client c (0..15),
-- :m unused refresh tokens k = 1..:m of client :'client' and user :user,
-- with ids a pgbench client can compute: refresh sha256('pgb:c:k'),
-- access row and family md5('pgb-a:c:k')::uuid.
INSERT INTO oauth_access_tokens (id, user_id, client_id, scopes, expires_at)
SELECT md5('pgb-a:' || c || ':' || k)::uuid, :user, :'client', '{read}',
    now() + interval '15 min'
FROM generate_series(0, 15) c, generate_series(1, :m) k;

INSERT INTO oauth_refresh_tokens (id, access_token_id, family_id, scopes,
    expires_at)
SELECT sha256(convert_to('pgb:' || c || ':' || k, 'UTF8')),
    md5('pgb-a:' || c || ':' || k)::uuid, md5('pgb-a:' || c || ':' || k)::uuid,
    '{read}', now() + interval '1 day'
FROM generate_series(0, 15) c, generate_series(1, :m) k;
