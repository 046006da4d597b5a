/* Request arena; see arena.h. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/asan_interface.h>
#define POISON(p, n)	ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)	((void)(p), (void)(n))
#define UNPOISON(p, n)	((void)(p), (void)(n))
#endif

#include "base/arena.h"
#include "base/xalloc.h"

#define ARENA_CHUNK	4096	/* a request's form, rows and strings */
#define ARENA_ALIGN	_Alignof(max_align_t)
#define ROUND(n)	(((n) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))

struct chunk {
	struct chunk	*next;
	size_t		 size;	/* of data[] */
	size_t		 used;
	_Alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk	*chunks;	/* the newest first */
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

static struct chunk *
chunk_new(size_t len)
{
	struct chunk	*c;
	size_t		 size = len > ARENA_CHUNK ? len : ARENA_CHUNK;

	c = xmalloc(sizeof(*c) + size);
	c->size = size;
	c->used = 0;
	POISON(c->data, size);
	return c;
}

void *
arena_alloc(struct arena *a, size_t len)
{
	struct chunk	*c = a->chunks;
	void		*p;
	size_t		 need;

	if (len > SIZE_MAX - ARENA_ALIGN - sizeof(*c)) {
		fputs("cpassport: out of memory\n", stderr);
		abort();
	}
	need = ROUND(len == 0 ? 1 : len);
	if (c == NULL || c->size - c->used < need) {
		/* A large allocation gets a chunk of its own, behind the
		 * current one, so the current one's rest stays in use. */
		c = chunk_new(need);
		if (a->chunks != NULL && need > ARENA_CHUNK) {
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	p = c->data + c->used;
	c->used += need;
	UNPOISON(p, len);
	memset(p, 0, len);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char	*p;

	len = strnlen(s, len);
	p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, SIZE_MAX);
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		fputs("cpassport: arena_printf: bad format\n", stderr);
		abort();
	}
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_release(struct arena *a)
{
	struct chunk	*c, *next;

	if (a == NULL)
		return;
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		/* Wipe what was handed out (the rest was never written). */
		UNPOISON(c->data, c->used);
		explicit_bzero(c->data, c->used);
		POISON(c->data, c->size);
		free(c);
	}
	free(a);
}
