/*
 * lemmata bench peer: times FLINT's fmpq_mat_solve on systems read from stdin.
 * Not a test dependency; built at bench time by src/bench/main.ts with
 *   cc -O2 flint_solve.c -o flint_solve -lflint -lgmp
 * (Debian/Ubuntu: apt-get install -y libflint-dev).
 *
 * Input (whitespace separated): a count S, then per system:
 *   n minTimeMs maxReps, then n*n entries of A (row-major), then n entries of b,
 *   each entry a rational "p/q" or integer in decimal.
 * Output per system, one line: "ok <median ns> <reps> x_0 ... x_{n-1}" (x_i as "p/q"),
 * or "singular <median ns> <reps>".
 * Only the call to fmpq_mat_solve is timed (the inputs are parsed once; the
 * output matrix is allocated before the clock starts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

static char tok[1 << 20];

static int read_tok(void) { return scanf("%1048575s", tok) == 1; }

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(void) {
  long S;
  if (scanf("%ld", &S) != 1) return 2;
  for (long s = 0; s < S; s++) {
    long n, maxReps;
    double minMs;
    if (scanf("%ld %lf %ld", &n, &minMs, &maxReps) != 3) return 2;
    fmpq_mat_t A, B, X;
    fmpq_mat_init(A, n, n);
    fmpq_mat_init(B, n, 1);
    fmpq_mat_init(X, n, 1);
    for (long i = 0; i < n; i++)
      for (long j = 0; j < n; j++) {
        if (!read_tok() || fmpq_set_str(fmpq_mat_entry(A, i, j), tok, 10) != 0) return 3;
        fmpq_canonicalise(fmpq_mat_entry(A, i, j));
      }
    for (long i = 0; i < n; i++) {
      if (!read_tok() || fmpq_set_str(fmpq_mat_entry(B, i, 0), tok, 10) != 0) return 3;
      fmpq_canonicalise(fmpq_mat_entry(B, i, 0));
    }
    double *times = malloc(sizeof(double) * (size_t)(maxReps > 0 ? maxReps : 1));
    long reps = 0;
    int ok = 0;
    double start = now_ns();
    while (reps < 1 || (reps < maxReps && now_ns() - start < minMs * 1e6)) {
      double t0 = now_ns();
      ok = fmpq_mat_solve(X, A, B);
      times[reps++] = now_ns() - t0;
    }
    qsort(times, (size_t)reps, sizeof(double), cmp_double);
    double med = times[reps / 2];
    if (ok) {
      printf("ok %.0f %ld", med, reps);
      for (long i = 0; i < n; i++) {
        char *str = fmpq_get_str(NULL, 10, fmpq_mat_entry(X, i, 0));
        printf(" %s", str);
        flint_free(str);
      }
      printf("\n");
    } else {
      printf("singular %.0f %ld\n", med, reps);
    }
    fflush(stdout);
    free(times);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(X);
  }
  flint_cleanup();
  return 0;
}
