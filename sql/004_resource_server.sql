-- RFC 7662 §2.1 leaves to the server which tokens a caller may introspect:
-- a client sees the tokens issued to it; a client registered as a
-- resource server (`cpassport client --resource-server`, or `client
-- update ID --resource-server`) sees every access token.  A resource
-- server authenticates, so it is never a public client.
ALTER TABLE oauth_clients
	ADD COLUMN resource_server boolean NOT NULL DEFAULT false,
	ADD CONSTRAINT oauth_clients_resource_server_confidential
	    CHECK (confidential OR NOT resource_server);
