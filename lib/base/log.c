/* One-line logging to stderr; see log.h. */
#include <stdarg.h>
#include <stdio.h>

#include "base/log.h"

static const char *prog = "cpassport";

void
log_init(const char *progname)
{
	prog = progname;
}

void
log_warnx(const char *fmt, ...)
{
	char	 buf[1024];
	char	*p;
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (p = buf; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "%s: %s\n", prog, buf);
}
