/*
 * Replays a libFuzzer target's corpus and crash reproducers without
 * libFuzzer, so `make check` runs them with any compiler (and under the
 * sanitizer build): one TAP line per file given on the command line.
 * A target aborts on a broken contract, which fails the run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAX_INPUT	(1024 * 1024)

int
main(int argc, char **argv)
{
	static uint8_t	 buf[MAX_INPUT];
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
		LLVMFuzzerTestOneInput(buf, n);
		printf("ok %d - replay %s\n", i, argv[i]);
	}
	printf("1..%d\n", argc - 1);
	return 0;
}
