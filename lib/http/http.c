/* FastCGI / CGI request loop; see http.h. */
#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "base/arena.h"
#include "base/log.h"
#include "http/deadline.h"
#include "http/http.h"
#include "http/request.h"
#include "http/route.h"

/* Set by SIGTERM while a request is in hand: finish it, then exit. */
static volatile sig_atomic_t stopping;
static volatile sig_atomic_t busy;

static const struct {
	int		 code;
	const char	*reason;
} reasons[] = {
	{ 200, "OK" }, { 302, "Found" }, { 400, "Bad Request" },
	{ 401, "Unauthorized" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 408, "Request Timeout" },
	{ 413, "Content Too Large" }, { 429, "Too Many Requests" },
	{ 500, "Internal Server Error" }, { 502, "Bad Gateway" },
	{ 503, "Service Unavailable" }, { 303, "See Other" },
};

static const char *
reason(int code)
{
	size_t	i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].reason;
	return "Unknown";
}

void
http_resp_header(struct http_response *r, const char *name,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*v;
	int	 n;

	if (r->nheaders == HTTP_MAX_HEADERS) {
		log_warnx("%s: too many headers", __func__);
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	v = arena_alloc(r->arena, (size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(v, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = v;
	r->nheaders++;
}

void
http_resp_body(struct http_response *r, int status,
    const char *content_type, const char *body, size_t len)
{
	r->status = status;
	r->content_type = content_type;
	r->body = arena_strndup(r->arena, body, len);
	r->body_len = len;
}

void
http_handle(const struct router *rt, void *ctx,
    const struct http_request *req, struct http_response *resp)
{
	memset(resp, 0, sizeof(*resp));
	resp->arena = req->arena;
	resp->status = 500;
	route_dispatch(rt, ctx, req, resp);
}

int
http_is_tls_or_loopback(const struct http_request *req)
{
	struct in_addr	 a4;
	struct in6_addr	 a6;

	/* RFC 6749 §3.2: the token endpoint requires TLS. */
	if (req->https != NULL && strcasecmp(req->https, "on") == 0)
		return 1;
	if (req->remote_addr == NULL)
		return 0;
	if (inet_pton(AF_INET, req->remote_addr, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, req->remote_addr, &a6) == 1) {
		if (IN6_IS_ADDR_LOOPBACK(&a6))
			return 1;
		return IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127;
	}
	return 0;
}

/* Where the request comes from and where the answer goes. */
struct io {
	FCGX_Request	*fcgi;	/* NULL: plain CGI on stdin/stdout */
};

/* A parameter of a plain CGI request: the environment. */
static const char *
cgi_param(const void *src, const char *name)
{
	(void)src;
	return getenv(name);
}

/*
 * Read up to len bytes of body before the deadline: a client trickling
 * its body cannot hold the process longer than HTTP_BODY_TIMEOUT_MS
 * (deadline.h: SIGALRM makes the blocked read fail with EINTR, which
 * libfcgi takes as the end of the stream).  *timed_out says whether the
 * deadline ended the read.
 */
static size_t
read_body(const struct io *io, char *buf, size_t len, int *timed_out)
{
	size_t	got = 0;
	int	n;

	deadline_start(HTTP_BODY_TIMEOUT_MS);
	while (got < len && !deadline_passed()) {
		if (io->fcgi != NULL)
			n = FCGX_GetStr(buf + got, (int)(len - got),
			    io->fcgi->in);
		else
			n = (int)fread(buf + got, 1, len - got, stdin);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	deadline_stop();
	*timed_out = got < len && deadline_passed();
	return got;
}

static void
put(const struct io *io, const char *s, size_t len)
{
	if (io->fcgi != NULL)
		FCGX_PutStr(s, (int)len, io->fcgi->out);
	else
		fwrite(s, 1, len, stdout);
}

static void
read_request(const struct io *io, struct http_request *req)
{
	size_t	n;

	if (io->fcgi != NULL)
		n = http_request_params(req, http_envp_param, io->fcgi->envp);
	else
		n = http_request_params(req, cgi_param, NULL);
	req->arena = arena_new();
	if (n == 0)
		return;
	req->body = arena_alloc(req->arena, n + 1);
	req->body_len = read_body(io, req->body, n, &req->body_timed_out);
	req->body[req->body_len] = '\0';
	req->body_truncated = req->body_len != n && !req->body_timed_out;
}

static void
write_response(const struct io *io, const struct http_response *r)
{
	char	 head[256];
	size_t	 i;
	int	 n;

	n = snprintf(head, sizeof(head), "Status: %d %s\r\n", r->status,
	    reason(r->status));
	put(io, head, (size_t)n);
	if (r->content_type != NULL) {
		n = snprintf(head, sizeof(head), "Content-Type: %s\r\n",
		    r->content_type);
		put(io, head, (size_t)n);
	}
	n = snprintf(head, sizeof(head), "Content-Length: %zu\r\n",
	    r->body_len);
	put(io, head, (size_t)n);
	for (i = 0; i < r->nheaders; i++) {
		put(io, r->headers[i].name, strlen(r->headers[i].name));
		put(io, ": ", 2);
		put(io, r->headers[i].value, strlen(r->headers[i].value));
		put(io, "\r\n", 2);
	}
	put(io, "\r\n", 2);
	if (r->body_len > 0)
		put(io, r->body, r->body_len);
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Returns 1 when the request's body was left unread (see abandon()). */
static int
serve_one(const struct io *io, const struct router *rt, void *ctx)
{
	struct http_request	req;
	struct http_response	resp;
	double			start = now_ms();

	read_request(io, &req);
	http_handle(rt, ctx, &req, &resp);
	write_response(io, &resp);
	log_warnx("%s %s %d client=%s %.2fms",
	    req.remote_addr ? req.remote_addr : "-", req.method,
	    resp.status, resp.log_client[0] ? resp.log_client : "-",
	    now_ms() - start);
	arena_release(req.arena);
	return req.body_too_large || req.body_timed_out;
}

/*
 * libfcgi ends a connection with shutdown(), then reads until the web
 * server closes its side (up to 2 s), so that input arriving late cannot
 * make our close reset the connection and lose the response.  Once the
 * request's input is read to its end, and the server did not ask to keep
 * the connection, nothing more can arrive: that wait, a round trip through
 * the web server on every request, buys nothing, and FCGX_Detach makes
 * FCGX_Finish_r close at once (bench/RESULTS.md: +17 % token grants).
 */
static void
finish(FCGX_Request *r)
{
	if (!r->keepConnection && FCGX_GetChar(r->in) == EOF &&
	    FCGX_GetError(r->in) == 0)
		FCGX_Detach(r);
	FCGX_Finish_r(r);
}

/*
 * A body left unread (too large to read, or past its deadline) must not
 * be waited for either: libfcgi's drain on close reads for as long as the
 * peer keeps sending within 2 s of each byte, which a trickling client
 * can do forever.  So: no reuse of the connection, libfcgi closes its
 * descriptor at once (detached), and a copy of it lingers here for at
 * most HTTP_LINGER_MS after our side is shut, so that closing with input
 * pending does not reset the connection before the peer read the answer.
 */
static void
abandon(FCGX_Request *r)
{
	struct pollfd	pfd;
	char		trash[1024];
	double		end;
	int		fd, ms;

	fd = fcntl(r->ipcFd, F_DUPFD_CLOEXEC, 0);
	r->keepConnection = 0;
	FCGX_Detach(r);
	FCGX_Finish_r(r);
	if (fd == -1)
		return;
	end = now_ms() + HTTP_LINGER_MS;
	if (shutdown(fd, SHUT_WR) == 0) {
		pfd.fd = fd;
		pfd.events = POLLIN;
		while ((ms = (int)(end - now_ms())) > 0 &&
		    poll(&pfd, 1, ms) == 1 &&
		    read(fd, trash, sizeof(trash)) > 0)
			;
	}
	close(fd);
}

static void
on_term(int sig)
{
	(void)sig;
	if (!busy)
		_exit(0);
	stopping = 1;
}

int
http_serve(const struct router *rt, void *ctx, long max_requests)
{
	struct sigaction	sa;
	FCGX_Request		fcgi;
	struct io		io = { NULL };
	long			served = 0;

	if (FCGX_Init() != 0)
		return 1;
	if (FCGX_IsCGI()) {
		serve_one(&io, rt, ctx);
		fflush(stdout);
		return 0;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);	/* mod_fcgid's graceful stop */
	signal(SIGPIPE, SIG_IGN);

	FCGX_InitRequest(&fcgi, 0, 0);
	io.fcgi = &fcgi;
	while (!stopping && FCGX_Accept_r(&fcgi) >= 0) {
		busy = 1;
		if (serve_one(&io, rt, ctx))
			abandon(&fcgi);
		else
			finish(&fcgi);
		busy = 0;
		if (max_requests > 0 && ++served >= max_requests)
			break;
	}
	FCGX_Free(&fcgi, 1);
	return 0;
}
