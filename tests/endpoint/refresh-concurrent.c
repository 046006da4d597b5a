/*
 * Two refreshes of one token at the same moment, from two processes with
 * apps and connections of their own (as two token.fcgi processes), 30
 * times: one gets tokens, the other waits on the row lock, then finds
 * the token rotated within the grace period: invalid_grant "already
 * rotated" (RFC 9700 §4.14.2), not theft; the winner's tokens work.
 * Whichever runs first, that is the outcome, so the check is
 * deterministic.
 */
#include <sys/wait.h>

#include <stdlib.h>
#include <unistd.h>

#include "token-lib.h"

#define ROUNDS	30
#define RACE	"refresh token already rotated"

static char	id[UUID_TEXT_LEN + 1], secret[SECRET_TEXT_LEN + 1];

/*
 * The child's half: its own app, connected, then one refresh of rt once
 * the barrier opens; the answer ("status body") goes to path.
 */
static void
child(struct ep *t, const char *rt, int ready, int barrier,
    const char *path)
{
	struct ep	 c;
	char		 conf[512], err[512], b;
	FILE		*f;

	memset(&c, 0, sizeof(c));
	snprintf(conf, sizeof(conf), "%s/cpassport.conf", t->dir);
	if (app_init(&c.app, conf, 1, err, sizeof(err)) == -1)
		_exit(2);
	/* Connects: an unknown token is refused after a lookup. */
	tk_refresh(&c, id, secret, "not-a-token", NULL, NULL);
	if (write(ready, "r", 1) != 1 || read(barrier, &b, 1) != 0)
		_exit(2);
	tk_refresh(&c, id, secret, rt, NULL, NULL);
	if ((f = fopen(path, "w")) == NULL)
		_exit(2);
	fprintf(f, "%d %s", c.resp.status, c.body ? c.body : "");
	fclose(f);
	_exit(0);
}

/* The answer a child left in path, parsed; the status is returned. */
static int
answer(const char *path, json_object **json)
{
	char	 buf[8192];
	size_t	 n;
	FILE	*f;
	int	 status = 0;

	*json = NULL;
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (sscanf(buf, "%d", &status) == 1 && strchr(buf, ' ') != NULL)
		*json = json_tokener_parse(strchr(buf, ' ') + 1);
	unlink(path);
	return status;
}

static const char *
member(json_object *o, const char *name)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, name, &v))
		return NULL;
	return json_object_get_string(v);
}

/* One round: 1 when one child won, the other lost the race, and the
 * winner's tokens work. */
static int
round_ok(struct ep *t, int round)
{
	struct tk_tokens	 a;
	int			 ready[2], barrier[2], i, st[2], ok;
	pid_t			 pid[2];
	char			 path[2][512], b, at[4096], rt[128];
	json_object		*j[2];
	const char		*d;

	tk_password(t, id, secret, "u@example.com", "pw", "read", &a);
	if (pipe(ready) == -1 || pipe(barrier) == -1)
		return 0;
	fflush(stdout);
	for (i = 0; i < 2; i++) {
		snprintf(path[i], sizeof(path[i]), "%s/race.%d", t->dir, i);
		if ((pid[i] = fork()) == 0) {
			close(ready[0]);
			close(barrier[1]);
			child(t, a.rt, ready[1], barrier[0], path[i]);
		}
	}
	close(ready[1]);
	close(barrier[0]);
	/* Both connected and waiting, then both released at once. */
	for (i = 0; i < 2; i++)
		if (read(ready[0], &b, 1) != 1)
			break;
	close(barrier[1]);
	close(ready[0]);
	for (i = 0; i < 2; i++)
		waitpid(pid[i], NULL, 0);
	for (i = 0; i < 2; i++)
		st[i] = answer(path[i], &j[i]);
	i = st[0] == 200 ? 0 : 1;
	d = member(j[1 - i], "error_description");
	ok = st[i] == 200 && st[1 - i] == 400 && d && strcmp(d, RACE) == 0;
	d = member(j[i], "access_token");
	snprintf(at, sizeof(at), "%s", d ? d : "");
	d = member(j[i], "refresh_token");
	snprintf(rt, sizeof(rt), "%s", d ? d : "");
	json_object_put(j[0]);
	json_object_put(j[1]);
	if (!ok) {
		printf("# round %d: %d, %d\n", round, st[0], st[1]);
		return 0;
	}
	return tk_user_status(t, at) == 200 &&
	    tk_refresh(t, id, secret, rt, NULL, NULL) == 200;
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	int			 round, good = 0;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &spec, id, secret);

	for (round = 1; round <= ROUNDS; round++)
		good += round_ok(&t, round);
	ep_is_int(good, ROUNDS, "refresh-concurrent-both-work: of two "
	    "parallel refreshes one gets tokens, the other invalid_grant, the "
	    "winner's tokens work (30 rounds)");
	return ep_finish(&t);
}
