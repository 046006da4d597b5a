/*
 * The message of a call an operator sees fail (lib/README: the caller's
 * `char *err, size_t errlen`, the last two arguments).
 */
#ifndef CPASSPORT_ERRMSG_H
#define CPASSPORT_ERRMSG_H

#include <stddef.h>

/* printf into err, cut to errlen bytes; nothing when err is NULL or 0. */
void	errmsg(char *err, size_t errlen, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
