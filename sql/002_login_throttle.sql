-- Failed logins, counted per account and per client address, so that the
-- throttle holds across FastCGI processes and plain CGI alike.  A row is
-- a window: count failures since window_start; purge drops old windows.
CREATE TABLE oauth_login_failures (
	kind		text NOT NULL CHECK (kind IN ('account', 'address')),
	key		text NOT NULL,		-- lower(e-mail) or the client address
	failures	integer NOT NULL DEFAULT 0,
	window_start	timestamptz NOT NULL DEFAULT now(),
	blocked_until	timestamptz,
	PRIMARY KEY (kind, key)
);
CREATE INDEX oauth_login_failures_window_idx ON oauth_login_failures (window_start);
