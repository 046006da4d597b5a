/* The body-read deadline; see deadline.h. */
#include <sys/time.h>

#include <signal.h>
#include <string.h>

#include "http/deadline.h"

static volatile sig_atomic_t passed;

static void
on_alarm(int sig)
{
	(void)sig;
	passed = 1;
}

static void
set_timer(unsigned ms, unsigned repeat_ms)
{
	struct itimerval	it;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_usec = (suseconds_t)(ms % 1000) * 1000;
	it.it_interval.tv_sec = repeat_ms / 1000;
	it.it_interval.tv_usec = (suseconds_t)(repeat_ms % 1000) * 1000;
	setitimer(ITIMER_REAL, &it, NULL);
}

void
deadline_start(unsigned ms)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: the blocked read returns */
	sigaction(SIGALRM, &sa, NULL);
	passed = 0;
	set_timer(ms > 0 ? ms : 1, DEADLINE_REPEAT_MS);
}

void
deadline_stop(void)
{
	set_timer(0, 0);
}

int
deadline_passed(void)
{
	return passed;
}
