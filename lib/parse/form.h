/*
 * Strict, bounded parsing of application/x-www-form-urlencoded bodies and
 * query strings (WHATWG URL "application/x-www-form-urlencoded", RFC 6749
 * Appendix B).  Pure functions over (const char *, size_t): no I/O, no
 * secrets, no libpq or OpenSSL, so they are unit-tested and fuzzed alone.
 *
 * Each caller declares the parameters it knows (name, maximum decoded
 * length).  Unknown parameters are ignored (RFC 6749 §3.1); a known one
 * present twice is an error (RFC 6749 §3.1 "MUST NOT be included more than
 * once"), with or without a value.  A parameter sent without a value
 * ("scope=" or a bare "scope") is treated as omitted (RFC 6749 §3.1).
 * Decoding is strict: '+' is a space, '%' must be followed by two hex
 * digits, and a decoded NUL, CR or LF is rejected.
 */
#ifndef CPASSPORT_FORM_H
#define CPASSPORT_FORM_H

#include <stddef.h>

struct arena;

#define FORM_MAX_BODY	8192	/* bytes of a request body read at all;
				   the request reader's limit too */
#define FORM_MAX_PAIRS	64	/* name=value pairs, known or not */
#define FORM_MAX_NAME	64	/* decoded length of a parameter name */
#define FORM_MAX_PARAMS	64	/* parameters a caller may declare */

enum form_status {
	FORM_OK = 0,
	FORM_TOO_LONG,		/* over FORM_MAX_BODY, or a value over max */
	FORM_TOO_MANY,		/* over FORM_MAX_PAIRS pairs, FORM_MAX_PARAMS
				   declared */
	FORM_BAD_ENCODING,	/* bad %xx, decoded NUL/CR/LF, name too long */
	FORM_DUPLICATE,		/* a declared parameter given twice */
	FORM__MAX
};

struct form_param {
	const char	*name;
	size_t		 max;	/* maximum decoded value length in bytes */
};

struct form_value {
	char		*s;	/* decoded, NUL-terminated; NULL when absent */
	size_t		 len;
};

/*
 * Parse buf[0..len) against params[0..n), n <= FORM_MAX_PARAMS, into the
 * request's arena.  On FORM_OK, values[i] holds the decoded value of
 * params[i], never empty (s == NULL when absent or sent without a value,
 * len > 0 otherwise).  On any error, every values[i].s is NULL; *bad (if
 * not NULL) is set to the index of the offending declared parameter, or
 * -1 when the fault is not tied to one.
 */
enum form_status form_parse(struct arena *, const char *buf, size_t len,
	    const struct form_param *params, size_t n,
	    struct form_value *values, int *bad);

/*
 * Strictly decode one component in[0..len) into a NUL-terminated string
 * in the arena of at most max bytes.  Returns NULL on a bad escape, a
 * decoded NUL/CR/LF, or a result longer than max.
 */
char	*form_decode(struct arena *, const char *in, size_t len, size_t max,
	    size_t *outlen);

#endif
