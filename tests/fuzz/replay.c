/*
 * Replays a libFuzzer target's corpus and crash reproducers without
 * libFuzzer, so `make check` runs them with any compiler (and under the
 * sanitizer build): one TAP line per file given on the command line.
 * A target aborts on a broken contract, which fails the run.  Each input
 * is handed over in a buffer of exactly its size, as libFuzzer does, so
 * the sanitizer build catches a read past its end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAX_INPUT	(1024 * 1024)

int
main(int argc, char **argv)
{
	static uint8_t	 buf[MAX_INPUT];
	uint8_t		*exact;
	FILE		*f;
	size_t		 n;
	int		 i;

	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			printf("not ok %d - %s: cannot open\n", i, argv[i]);
			continue;
		}
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		/* At least one byte: malloc(0) may return NULL. */
		if ((exact = malloc(n > 0 ? n : 1)) == NULL)
			abort();
		memcpy(exact, buf, n);
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
		printf("ok %d - replay %s\n", i, argv[i]);
	}
	printf("1..%d\n", argc - 1);
	return 0;
}
