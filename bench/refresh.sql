-- pgbench (-D cid='client id' -D user=ID -D n=0): the SQL of one refresh
-- grant as separate statements in one transaction: lock the old token
-- (the join of lib/store/db_token.c's token_refresh_lock), mark it used, insert
-- the new access row and the new refresh row.  Client c takes the next
-- unused token of its own slice of bench/refresh-pool.sql (:n persists
-- across a client's transactions).
\set n :n + 1
BEGIN;
SELECT r.family_id, a.client_id, a.user_id, array_to_string(r.scopes, ' '),
    r.used_at IS NOT NULL, r.revoked, r.expires_at <= now(),
    coalesce(u.revoked, false), array_to_string(u.scopes, ' '),
    5 > 0 AND r.used_at > now() - 5 * interval '1 second' AND
    NOT EXISTS (SELECT 1 FROM oauth_refresh_tokens f
    WHERE f.family_id = r.family_id AND f.revoked)
FROM oauth_refresh_tokens r
JOIN oauth_access_tokens a ON a.id = r.access_token_id
LEFT JOIN users u ON u.id = a.user_id
WHERE r.id = sha256(convert_to('pgb:' || :client_id || ':' || :n, 'UTF8'))
FOR UPDATE OF r;
UPDATE oauth_refresh_tokens SET used_at = now()
WHERE id = sha256(convert_to('pgb:' || :client_id || ':' || :n, 'UTF8'))
    AND used_at IS NULL AND NOT revoked;
INSERT INTO oauth_access_tokens (id, user_id, client_id, name, scopes,
    created_at, updated_at, expires_at)
VALUES (md5('pgb-new:' || :client_id || ':' || :n)::uuid, :user, ':cid', NULL,
    string_to_array('read', ' '), now(), now(),
    now() + interval '900 seconds');
INSERT INTO oauth_refresh_tokens (id, access_token_id, family_id, scopes,
    created_at, expires_at)
VALUES (sha256(convert_to('pgb-new:' || :client_id || ':' || :n, 'UTF8')),
    md5('pgb-new:' || :client_id || ':' || :n)::uuid,
    md5('pgb-a:' || :client_id || ':' || :n)::uuid,
    string_to_array('read', ' '), now(), now() + interval '1 day');
COMMIT;
