-- Login throttling in fixed windows, counted before the password is
-- checked: a row holds the attempts (slots taken) of one key from
-- window_start until window_end.  A failed login keeps its slot; a
-- success, or an attempt refused over the limit, gives it back.  Purge
-- drops rows whose window has ended.
ALTER TABLE oauth_login_failures RENAME COLUMN failures TO attempts;
ALTER TABLE oauth_login_failures ADD COLUMN window_end timestamptz;
-- A key blocked today stays blocked as long as it would have been.
UPDATE oauth_login_failures SET window_end =
	greatest(window_start + interval '900 seconds', blocked_until);
ALTER TABLE oauth_login_failures ALTER COLUMN window_end SET NOT NULL,
	ADD CHECK (attempts >= 0), DROP COLUMN blocked_until;
DROP INDEX oauth_login_failures_window_idx;
CREATE INDEX oauth_login_failures_window_end_idx ON oauth_login_failures (window_end);
