/*
 * Logging to stderr (the web server's error log): one line per event,
 * prefixed with the program name.  Control characters in the formatted
 * line are replaced, so request data cannot forge log lines.  Never pass
 * a token, code, secret or password.
 */
#ifndef CPASSPORT_LOG_H
#define CPASSPORT_LOG_H

void	log_init(const char *progname);
void	log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
