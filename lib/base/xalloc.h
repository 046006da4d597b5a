/*
 * Checked allocation: the project's one out-of-memory policy.
 * Every x* function either returns usable memory or logs "out of memory"
 * to stderr and aborts; callers never test for NULL.
 */
#ifndef CPASSPORT_XALLOC_H
#define CPASSPORT_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* printf into a fresh buffer; caller frees. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
