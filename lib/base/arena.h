/*
 * Bump allocation for what one request needs (lwan's lwan-arena.c is
 * the model): memory comes from chunks that are only ever released
 * together, by arena_release(), which wipes every chunk before freeing
 * it, so that a secret copied into the arena is wiped with the rest and
 * needs no explicit_bzero of its own.  Nothing is freed one by one.
 *
 * Like xalloc, an arena never returns NULL: out of memory aborts.
 * Under AddressSanitizer the unused tail of a chunk and every released
 * chunk are poisoned, so that reading past an allocation or using one
 * after the release is reported.
 */
#ifndef CPASSPORT_ARENA_H
#define CPASSPORT_ARENA_H

#include <stddef.h>

struct arena;

struct arena	*arena_new(void);
/* Wipe and free every chunk and the arena itself; NULL is a no-op. */
void		 arena_release(struct arena *);

/* len bytes aligned for any type, zeroed. */
void	*arena_alloc(struct arena *, size_t len);
char	*arena_strdup(struct arena *, const char *);
/* At most len bytes of s, NUL-terminated. */
char	*arena_strndup(struct arena *, const char *s, size_t len);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
