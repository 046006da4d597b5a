-- pgbench (-D cid='client id'): the ceiling's transaction as the issue
-- names it, select the client, then insert the token row, autocommit: the
-- client_find of lib/store/db_client.c and the access-token insert of
-- lib/store/db_token.c (no owner, no scope).  The server itself now does both in
-- one statement (token_insert_current, on its cached copy of the client),
-- and reads the client only when its copy is missing or out of date.
SELECT c.id, c.name, encode(c.secret, 'hex'), c.user_id,
    array_to_string(c.redirect_uris, ' '),
    array_to_string(c.grant_types, ' '),
    array_to_string(c.scopes, ' '), c.first_party, c.revoked,
    array_to_string(u.scopes, ' '), coalesce(u.revoked, false),
    c.xmin, coalesce(u.xmin::text, '')
FROM oauth_clients c LEFT JOIN users u ON u.id = c.user_id
WHERE c.id = ':cid';
INSERT INTO oauth_access_tokens (id, user_id, client_id, name, scopes,
    created_at, updated_at, expires_at)
VALUES (gen_random_uuid(), NULL, ':cid', NULL, string_to_array('', ' '),
    now(), now(), now() + interval '900 seconds');
