/* Unit tests for lib/base/arena.c. */
#include <sys/wait.h>

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "tap.h"

#define MARK	"arena-secret-4f2c"

#ifndef __SANITIZE_ADDRESS__
/*
 * Whether arena_release wipes: while it runs, every block handed to
 * free() is searched for MARK before glibc gets it back.  (ASan has its
 * own free(); there the use-after-release checks below run instead.)
 */
void	__libc_free(void *);
static int	watching, freed, marked;

void
free(void *p)
{
	size_t	n;

	if (watching && p != NULL) {
		freed++;
		n = malloc_usable_size(p);
		if (memmem(p, n, MARK, strlen(MARK)) != NULL)
			marked++;
	}
	__libc_free(p);
}
#endif

static int
aligned(const void *p)
{
	return (uintptr_t)p % _Alignof(max_align_t) == 0;
}

static int
all_zero(const unsigned char *p, size_t n)
{
	while (n-- > 0)
		if (*p++ != 0)
			return 0;
	return 1;
}

/* Many allocations across chunks keep what was written into each. */
static int
many(struct arena *a)
{
	unsigned char	*p[500];
	size_t		 i, n;

	for (i = 0; i < 500; i++) {
		n = i % 7 == 0 ? 5000 + i : i % 61 + 1;
		p[i] = arena_alloc(a, n);
		if (!aligned(p[i]) || !all_zero(p[i], n))
			return 0;
		memset(p[i], (int)(i & 0xff), n);
	}
	for (i = 0; i < 500; i++) {
		n = i % 7 == 0 ? 5000 + i : i % 61 + 1;
		while (n-- > 0)
			if (p[i][n] != (unsigned char)(i & 0xff))
				return 0;
	}
	return 1;
}

#ifdef __SANITIZE_ADDRESS__
/*
 * Run bad() in a child with its stderr captured: 1 when ASan stopped it
 * with a report naming want.
 */
static int
caught(void (*bad)(void), const char *want)
{
	char	buf[8192];
	size_t	got = 0;
	ssize_t	n;
	int	fd[2], status;
	pid_t	pid;

	if (pipe(fd) == -1 || (pid = fork()) == -1)
		return 0;
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		bad();
		_exit(0);
	}
	close(fd[1]);
	while (got < sizeof(buf) - 1 &&
	    (n = read(fd[0], buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	close(fd[0]);
	if (waitpid(pid, &status, 0) == -1)
		return 0;
	return !(WIFEXITED(status) && WEXITSTATUS(status) == 0) &&
	    strstr(buf, "AddressSanitizer") != NULL &&
	    strstr(buf, want) != NULL;
}

static volatile char	sink;

static void
use_after_release(void)
{
	struct arena	*a = arena_new();
	char		*s = arena_strdup(a, MARK);

	arena_release(a);
	sink = s[0];
}

static void
past_the_end(void)
{
	struct arena	*a = arena_new();
	char		*s = arena_alloc(a, 8);

	sink = s[8];
	arena_release(a);
}
#endif

int
main(void)
{
	struct arena	*a;
	char		*s, *t, big[10000];
	void		*p, *q;

	a = arena_new();
	p = arena_alloc(a, 1);
	q = arena_alloc(a, 3);
	ok(aligned(p) && aligned(q) && (char *)q >= (char *)p + 1,
	    "arena_alloc: aligned, not overlapping");
	ok(all_zero(arena_alloc(a, 100), 100), "arena_alloc: zeroed");
	ok(arena_alloc(a, 0) != NULL, "arena_alloc: 0 bytes is a pointer");
	s = arena_strdup(a, "hello");
	ok(strcmp(s, "hello") == 0, "arena_strdup");
	t = arena_strndup(a, "hello world", 5);
	ok(strcmp(t, "hello") == 0, "arena_strndup: at most len");
	ok(strcmp(arena_strndup(a, "hi", 10), "hi") == 0,
	    "arena_strndup: stops at the NUL");
	ok(strcmp(arena_printf(a, "%s=%d", "n", 42), "n=42") == 0,
	    "arena_printf");
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	s = arena_strdup(a, big);
	ok(strcmp(s, big) == 0 && strcmp(t, "hello") == 0,
	    "a string larger than a chunk, earlier ones intact");
	ok(many(a), "500 allocations across chunks keep their contents");
	arena_release(a);
	arena_release(NULL);
	ok(1, "arena_release(NULL) is a no-op");

#ifndef __SANITIZE_ADDRESS__
	a = arena_new();
	arena_strdup(a, MARK);
	memset(big, 'y', sizeof(big) - 1);
	arena_strdup(a, big);
	arena_printf(a, "%s%s", big, MARK);
	watching = 1;
	arena_release(a);
	watching = 0;
	ok(freed >= 3 && marked == 0,
	    "arena_release wipes every chunk before freeing it (%d freed)",
	    freed);
	printf("ok %d # SKIP use after release: not built with ASan\n",
	    ++tap_n);
	printf("ok %d # SKIP read past an allocation: not built with ASan\n",
	    ++tap_n);
#else
	printf("ok %d # SKIP wipe check: ASan owns free()\n", ++tap_n);
	ok(caught(use_after_release, "heap-use-after-free") ||
	    caught(use_after_release, "use-after-poison"),
	    "a use after arena_release is caught by ASan");
	ok(caught(past_the_end, "use-after-poison"),
	    "a read past an allocation, inside its chunk, is caught by ASan");
#endif
	return done_testing();
}
