/*
 * A deadline for blocking reads: once it passes, SIGALRM interrupts the
 * read in hand (EINTR: the handler is installed without SA_RESTART) and
 * keeps doing so every DEADLINE_REPEAT_MS until stopped, so a read begun
 * just after the first alarm is interrupted too.  One per process; the
 * request loop arms it around the body read only, never around database
 * or crypto work.
 */
#ifndef CPASSPORT_DEADLINE_H
#define CPASSPORT_DEADLINE_H

#define DEADLINE_REPEAT_MS	50

/* Arm the deadline ms milliseconds from now (ms > 0). */
void	deadline_start(unsigned ms);
/* Disarm it; deadline_passed() keeps its answer until the next start. */
void	deadline_stop(void);
/* 1 when the deadline armed last has passed, else 0. */
int	deadline_passed(void);

#endif
