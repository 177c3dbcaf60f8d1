/* Times a generated kernel per point, or prints its values at one point.

     driver eval X1,...,Xn                     outputs, then the Jacobian row-major, one number a line (%.17g)
                                               (of one point of a batch of copies of X)
     driver time jacobian|primal|floor N X1,...,Xn
                                               seconds per point over N points within ±0.5 % of X:
                                               "median min max samples calls-per-sample"

   floor only writes ones into the outputs and the Jacobian of every point: no Jacobian code can write its
   results faster. The kernel lives in another object file (no LTO), so no call can be hoisted out of the
   timing loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kernel.h"

enum { MIN_SAMPLES = 5 };
static const double SAMPLE_SECONDS = 50e-6, MIN_SECONDS = 0.5;

typedef enum { JACOBIAN, PRIMAL, FLOOR } kind_t;

typedef struct {
    kind_t kind;
    long count;
    double *x, *y, *J;
} work_t;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void fill_ones(double *buffer, long length) {
    for (long k = 0; k < length; k++) buffer[k] = 1.0;
}

static void run(const work_t *w) {
    switch (w->kind) {
    case JACOBIAN: jacobian_batch(w->x, w->y, w->J, w->count); break;
    case PRIMAL: primal_batch(w->x, w->y, w->count); break;
    case FLOOR:
        fill_ones(w->y, w->count * kernel_outputs);
        fill_ones(w->J, w->count * kernel_outputs * kernel_inputs);
        break;
    }
    __asm__ volatile("" : : "r"(w->y), "r"(w->J) : "memory"); /* the stores count: keep every call's */
}

/* Seconds per call of a group of calls. */
static double time_group(const work_t *w, long calls) {
    double start = now();
    for (long k = 0; k < calls; k++) run(w);
    return (now() - start) / calls;
}

static int by_value(const void *a, const void *b) {
    double d = *(const double *)a - *(const double *)b;
    return (d > 0) - (d < 0);
}

/* As Elim's bench: one warm-up call, groups of at least 50 µs, at least 5 samples over at least 0.5 s. */
static void measure(const work_t *w) {
    run(w);
    long calls = 1;
    while (time_group(w, calls) * calls < SAMPLE_SECONDS) calls *= 2;
    long capacity = 1024, samples = 0;
    double *perCall = malloc(capacity * sizeof *perCall);
    double end = now() + MIN_SECONDS;
    while (samples < MIN_SAMPLES || now() < end) {
        if (samples == capacity) perCall = realloc(perCall, (capacity *= 2) * sizeof *perCall);
        perCall[samples++] = time_group(w, calls);
    }
    qsort(perCall, samples, sizeof *perCall, by_value);
    double median = (perCall[(samples - 1) / 2] + perCall[samples / 2]) / 2;
    printf("%.6e %.6e %.6e %ld %ld\n", median / w->count, perCall[0] / w->count, perCall[samples - 1] / w->count,
           samples, calls);
    free(perCall);
}

static void parse_point(const char *text, double *x) {
    char *end;
    for (int i = 0; i < kernel_inputs; i++) {
        x[i] = strtod(text, &end);
        if (end == text || (*end != ',' && *end != '\0')) {
            fprintf(stderr, "error: the point needs %d comma-separated numbers\n", kernel_inputs);
            exit(64);
        }
        text = *end ? end + 1 : end;
    }
}

static int usage(void) {
    fprintf(stderr, "usage: driver eval X1,...,Xn | driver time jacobian|primal|floor N X1,...,Xn\n");
    return 64;
}

int main(int argc, char **argv) {
    int n = kernel_inputs, m = kernel_outputs;
    double *centre = malloc(n * sizeof *centre);
    if (argc == 3 && strcmp(argv[1], "eval") == 0) {
        /* The point repeated EVAL_POINTS times, and the results of one in the middle: a vectorised kernel computes
           those in its SIMD loop, not in the scalar remainder. */
        enum { EVAL_POINTS = 64, SHOWN = 32 };
        parse_point(argv[2], centre);
        double *x = malloc(EVAL_POINTS * n * sizeof *x);
        double *y = malloc(EVAL_POINTS * m * sizeof *y), *J = malloc((size_t)EVAL_POINTS * m * n * sizeof *J);
        for (int k = 0; k < EVAL_POINTS * n; k++) x[k] = centre[k % n];
        jacobian_batch(x, y, J, EVAL_POINTS);
        for (int k = 0; k < m; k++) printf("%.17g\n", y[SHOWN * m + k]);
        for (int k = 0; k < m * n; k++) printf("%.17g\n", J[SHOWN * m * n + k]);
        return 0;
    }
    if (argc != 5 || strcmp(argv[1], "time") != 0) return usage();
    work_t w = {.count = atol(argv[3])};
    if (strcmp(argv[2], "jacobian") == 0) w.kind = JACOBIAN;
    else if (strcmp(argv[2], "primal") == 0) w.kind = PRIMAL;
    else if (strcmp(argv[2], "floor") == 0) w.kind = FLOOR;
    else return usage();
    if (w.count < 1) return usage();
    parse_point(argv[4], centre);
    w.x = malloc(w.count * n * sizeof *w.x);
    w.y = malloc(w.count * m * sizeof *w.y);
    w.J = malloc(w.count * m * n * sizeof *w.J);
    srand48(12345); /* the points differ from Elim's (another generator), within the same ±0.5 % */
    for (long k = 0; k < w.count * n; k++) w.x[k] = centre[k % n] * (1 + 0.01 * (drand48() - 0.5));
    memset(w.y, 0, w.count * m * sizeof *w.y); /* touch the pages before timing, as a managed array is */
    memset(w.J, 0, w.count * m * n * sizeof *w.J);
    measure(&w);
    return 0;
}
