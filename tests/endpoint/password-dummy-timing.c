/*
 * No user enumeration by timing (RFC 6749 §10.10, credentials guessing):
 * a password grant for an unknown e-mail is checked against a dummy hash
 * of bcrypt_cost, so it takes as long as a wrong password of a real
 * cost-12 user.  Interleaved runs and medians, so that a loaded machine
 * moves both alike; the throttle is emptied before each, it is not the
 * point here.
 */
#include <stdlib.h>
#include <time.h>

#include "token-lib.h"

#define RUNS	7

static char	id[UUID_TEXT_LEN + 1], secret[SECRET_TEXT_LEN + 1];

static double
grant_time(struct ep *t, const char *email)
{
	struct timespec	a, b;

	ep_sql(t, "DELETE FROM oauth_login_failures", NULL);
	clock_gettime(CLOCK_MONOTONIC, &a);
	tk_password(t, id, secret, email, "wrong", NULL, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	double			 known[RUNS], unknown[RUNS];
	double			 tk, tu, ratio;
	char			 email[64];
	int			 i;

	ep_start(&t, "bcrypt_cost = 12");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "known@example.com", "read", "pw one");
	ep_client(&t, &spec, id, secret);

	/* The first of each makes the dummy hash and warms the cache. */
	grant_time(&t, "known@example.com");
	grant_time(&t, "nobody@example.com");
	for (i = 0; i < RUNS; i++) {
		known[i] = grant_time(&t, "known@example.com");
		snprintf(email, sizeof(email), "nobody%d@example.com", i + 1);
		unknown[i] = grant_time(&t, email);
	}
	qsort(known, RUNS, sizeof(known[0]), cmp);
	qsort(unknown, RUNS, sizeof(unknown[0]), cmp);
	tk = known[RUNS / 2];
	tu = unknown[RUNS / 2];
	ratio = tu / tk;
	ep_ok(ratio > 0.6 && ratio < 1.67, "password-dummy-timing: an unknown "
	    "e-mail takes as long as a cost-12 user (median %.3fs vs %.3fs, "
	    "ratio %.2f)", tu, tk, ratio);
	return ep_finish(&t);
}
