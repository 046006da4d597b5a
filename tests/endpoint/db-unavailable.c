/*
 * The database gone under a running program (RFC 6749 §5.2, §4.1.2.1:
 * temporarily_unavailable): the token endpoint answers 503 with its own
 * description and Retry-After, never a verdict on the request it could
 * not check: a refresh with a bad token, client_credentials with a bad
 * secret whether the client's copy is cached (client_cache.h: each use
 * is confirmed in the database) or not.  The database goes as a stopped
 * server does for this program: its session ended under it
 * (pg_terminate_backend) and no new one let in (ALLOW_CONNECTIONS false).
 */
#include <stdlib.h>

#include <libpq-fe.h>

#include "resource-lib.h"

/*
 * ALTER DATABASE on the test's own database, which cannot be done from
 * inside it: from the cluster's postgres database, reached with the
 * app's own conninfo (its dbname overridden).
 */
static void
no_more_connections(struct ep *t)
{
	const char *const keys[] = { "dbname", "dbname", NULL };
	const char	*values[] = { t->app.cfg.database, "postgres", NULL };
	char		 sql[128];
	PGconn		*c;
	PGresult	*r;

	/* t->db is ep_<pid>, the harness's own name: no quoting needed. */
	snprintf(sql, sizeof(sql), "ALTER DATABASE %s ALLOW_CONNECTIONS false",
	    t->db);
	c = PQconnectdbParams(keys, values, 1);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		printf("Bail out! %s: %s\n", sql, PQerrorMessage(c));
		exit(1);
	}
	PQclear(r);
	PQfinish(c);
}

#define UNAVAILABLE \
	"503:temporarily_unavailable:the service is temporarily unavailable"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 app = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 svc = { .name = "Service",
				    .kind = CLIENT_CREDENTIALS };
	struct client_spec	 other = { .name = "Other service",
				    .kind = CLIENT_CREDENTIALS };
	char			 id[UUID_TEXT_LEN + 1], cc_id[UUID_TEXT_LEN + 1];
	char			 other_id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 cc_secret[SECRET_TEXT_LEN + 1];
	char			 other_secret[SECRET_TEXT_LEN + 1];

	ep_start(&t, NULL);
	ep_user(&t, "u@example.com", NULL, "pw");
	ep_client(&t, &app, id, secret);
	ep_client(&t, &svc, cc_id, cc_secret);
	ep_client(&t, &other, other_id, other_secret);
	/* The service's copy in the cache, so a bad secret is judged first. */
	if (ep_token(&t, ep_basic(cc_id, cc_secret),
	    "grant_type=client_credentials") != 200) {
		printf("Bail out! client_credentials: %d\n", t.resp.status);
		return 1;
	}

	ep_sql(&t, "SELECT count(pg_terminate_backend(pid)) FROM "
	    "pg_stat_activity WHERE datname = current_database() AND "
	    "pid <> pg_backend_pid()", NULL);
	no_more_connections(&t);

	ep_token(&t, ep_basic(id, secret),
	    "grant_type=refresh_token&refresh_token=bad");
	ep_is(rl_answer(&t, "error", "error_description", NULL), UNAVAILABLE,
	    "db-503-own-description: a refresh with a bad token");
	ep_token(&t, ep_basic(cc_id, "wrong"), "grant_type=client_credentials");
	ep_is(rl_answer(&t, "error", "error_description", NULL), UNAVAILABLE,
	    "db-503-own-description: client_credentials with a bad secret");
	ep_is(ep_header(&t, "Retry-After"), "5",
	    "db-503-own-description: Retry-After");
	ep_token(&t, ep_basic(other_id, "wrong"),
	    "grant_type=client_credentials");
	ep_is(rl_answer(&t, "error", "error_description", NULL), UNAVAILABLE,
	    "db-503-own-description: client_credentials with a bad secret, "
	    "no cached copy");
	return ep_finish(&t);
}
