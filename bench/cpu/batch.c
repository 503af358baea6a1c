/*
 * The lock-step batch Euler step of ddmatch-core's rnn/VectorKernels.eulerStepBatch (d = 3, tiles of four states,
 * the table-form tanh inside the read-in loop, the update sharing each load of U and b) written in C with AVX-512
 * intrinsics: the same operations, constants and loop structure, compiled by gcc instead of C2. It answers one
 * question of issue 8: is the Java batch step slower than this CPU runs the same algorithm? Prints microseconds per
 * step of 64 states at N = 1000 (STEPS steps per timing, default 100; median of REPS timings): on one thread, and on
 * two threads of 32 states each pinned to vCPU 0 and 1, started once and released for each timing by a barrier (as a
 * pool's workers are woken), the wall time from before the release to both ends beside each thread's own time; and
 * the largest difference of the final states from a scalar reference with libm's tanh.
 *   gcc -O2 -march=native -pthread -o batch batch.c -lm && ./batch
 * With -DCHEAP the tanh's polynomial has degree 3 instead of 5 (Taylor coefficients, error up to ~5e-12; timing only):
 * what a tanh less accurate than double would buy. Run by bench/run-batch-c.sh; results in BENCHMARKS.md
 * ("The batch step in C").
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N 1000
#define D 3
#define BATCH 64
#ifndef STEPS
#define STEPS 100
#endif
#ifndef REPS
#define REPS 41
#endif

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

#define B(v) _mm512_set1_pd(v)
static const double A_MAX = 20.0, ROUND = 0x1.8p52;
static const double INV_STEP = 16 * 1.4426950408889634, STEP = 0.6931471805599453 / 16;
static const double Q0 = 0.5000000000000051, Q1 = 0.16666666666666724, Q2 = 0.04166666661752646,
                    Q3 = 0.00833333332787334, Q4 = 0.0013889587108239542, Q5 = 0.00019842045637239258;
static long long TABLE[8];
#ifdef CHEAP
#define CHEAP_TAG " (degree-3 tanh polynomial)"
#else
#define CHEAP_TAG ""
#endif

static double w[D * N], uc[D * N], bb[N];          /* W rows, U's columns (U^T rows), b */
static double xs0[BATCH * N], xs[BATCH * N], ref[BATCH * N];
static double cs[BATCH * D];                       /* per-state constant of the update (0 without noise) */

static inline __m512d tanh8(__m512d x, __m512i tab) {
    __m512d a = _mm512_abs_pd(x);
    __mmask8 big = _mm512_cmp_pd_mask(a, B(A_MAX), _CMP_GT_OQ);
    __m512d t = _mm512_fmadd_pd(a, B(INV_STEP), B(ROUND));
    __m512d k = _mm512_sub_pd(t, B(ROUND));
    __m512d h = _mm512_fmadd_pd(k, B(-STEP), a);
    __m512d r = _mm512_add_pd(h, h);
    __m512d rr = _mm512_mul_pd(r, r);
#ifdef CHEAP
    /* degree 3 (Taylor): |expm1 error| ≈ r^6/720 ≤ 1e-11 relative, tanh off by ≤ 5e-12; timing only */
    __m512d q = _mm512_fmadd_pd(rr, _mm512_fmadd_pd(r, B(1.0 / 120), B(1.0 / 24)), _mm512_fmadd_pd(r, B(1.0 / 6), B(0.5)));
#else
    __m512d q = _mm512_fmadd_pd(rr, _mm512_fmadd_pd(rr, _mm512_fmadd_pd(r, B(Q5), B(Q4)), _mm512_fmadd_pd(r, B(Q3), B(Q2))),
                                _mm512_fmadd_pd(r, B(Q1), B(Q0)));
#endif
    __m512d p = _mm512_fmadd_pd(q, rr, r);
    __m512i ti = _mm512_castpd_si512(t);
    __m512i tb = _mm512_permutexvar_epi64(_mm512_and_si512(ti, _mm512_set1_epi64(7)), tab);
    __m512d sc = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_slli_epi64(ti, 49), tb));
    __m512d u = _mm512_fmadd_pd(sc, p, _mm512_sub_pd(sc, B(1.0)));
    __m512d f = _mm512_mask_blend_pd(big, _mm512_div_pd(u, _mm512_add_pd(u, B(2.0))), B(1.0));
    return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(f),
            _mm512_and_si512(_mm512_castpd_si512(x), _mm512_set1_epi64(0x8000000000000000LL))));
}

/* one Euler step of the four states at x (stride N): read-in with tanh, then the update; N a multiple of 8 */
static void step4(double *x, const double *c, double ht, __m512i tab) {
    __m512d a[4][3];
    for (int t = 0; t < 4; t++) for (int k = 0; k < 3; k++) a[t][k] = _mm512_setzero_pd();
    for (int j = 0; j < N; j += 8) {
        __m512d w0 = _mm512_loadu_pd(w + j), w1 = _mm512_loadu_pd(w + N + j), w2 = _mm512_loadu_pd(w + 2 * N + j);
        for (int t = 0; t < 4; t++) {
            __m512d f = tanh8(_mm512_loadu_pd(x + t * N + j), tab);
            a[t][0] = _mm512_fmadd_pd(f, w0, a[t][0]);
            a[t][1] = _mm512_fmadd_pd(f, w1, a[t][1]);
            a[t][2] = _mm512_fmadd_pd(f, w2, a[t][2]);
        }
    }
    double e[4][3];
    for (int t = 0; t < 4; t++) for (int k = 0; k < 3; k++) e[t][k] = fma(_mm512_reduce_add_pd(a[t][k]), ht, c[3 * t + k]);
    __m512d vh = B(ht);
    __m512d e00 = B(e[0][0]), e01 = B(e[0][1]), e02 = B(e[0][2]), e10 = B(e[1][0]), e11 = B(e[1][1]), e12 = B(e[1][2]);
    __m512d e20 = B(e[2][0]), e21 = B(e[2][1]), e22 = B(e[2][2]), e30 = B(e[3][0]), e31 = B(e[3][1]), e32 = B(e[3][2]);
    for (int j = 0; j < N; j += 8) {
        __m512d u0 = _mm512_loadu_pd(uc + j), u1 = _mm512_loadu_pd(uc + N + j), u2 = _mm512_loadu_pd(uc + 2 * N + j);
        __m512d bj = _mm512_loadu_pd(bb + j);
#define UPD(T, E0, E1, E2) { \
            __m512d xv = _mm512_loadu_pd(x + T * N + j); \
            __m512d r = _mm512_fmadd_pd(_mm512_sub_pd(bj, xv), vh, xv); \
            r = _mm512_fmadd_pd(u0, E0, r); r = _mm512_fmadd_pd(u1, E1, r); r = _mm512_fmadd_pd(u2, E2, r); \
            _mm512_storeu_pd(x + T * N + j, r); }
        UPD(0, e00, e01, e02) UPD(1, e10, e11, e12) UPD(2, e20, e21, e22) UPD(3, e30, e31, e32)
    }
}

static void steps(double *x, int states, const double *c, double ht, int nsteps) {
    __m512i tab = _mm512_loadu_si512(TABLE);
    for (int s = 0; s < nsteps; s++)
        for (int b = 0; b < states; b += 4) step4(x + b * N, c + 3 * b, ht, tab);
}

/* scalar reference with libm's tanh: x += ht·(−x + b + U W tanh x) */
static void reference(double *x, double ht, int nsteps) {
    static double f[N];
    for (int s = 0; s < nsteps; s++)
        for (int b = 0; b < BATCH; b++) {
            double *xb = x + b * N, y[D] = {0, 0, 0};
            for (int j = 0; j < N; j++) f[j] = tanh(xb[j]);
            for (int k = 0; k < D; k++) for (int j = 0; j < N; j++) y[k] += w[k * N + j] * f[j];
            for (int j = 0; j < N; j++)
                xb[j] += ht * (-xb[j] + bb[j] + uc[j] * y[0] + uc[N + j] * y[1] + uc[2 * N + j] * y[2]);
        }
}

struct job { double *x; int states; int cpu; double seconds[REPS]; };
static pthread_barrier_t start, end;

/* one of the two threads: pinned, then REPS timings, each begun and ended at a barrier with the other and main */
static void *run_half(void *p) {
    struct job *jb = p;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(jb->cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    for (int r = 0; r < REPS; r++) {
        pthread_barrier_wait(&start);
        double t0 = now();
        steps(jb->x, jb->states, cs, 0.01, STEPS);
        jb->seconds[r] = now() - t0;
        pthread_barrier_wait(&end);
    }
    return NULL;
}

static int cmp(const void *a, const void *b) { double d = *(const double *) a - *(const double *) b; return (d > 0) - (d < 0); }

int main(void) {
    for (int j = 0; j < 8; j++) { double v = pow(2, j / 8.0); long long bits; memcpy(&bits, &v, 8); TABLE[j] = bits - ((long long) j << 49); }
    srand(1);
    /* a Lorenz-like network's scale: U's columns of norm √N, W of order 1/N, states of order 1 */
    for (int i = 0; i < D * N; i++) { w[i] = (rand() / (double) RAND_MAX - 0.5) * 6.0 / N; uc[i] = (rand() / (double) RAND_MAX - 0.5) * 3.4; }
    for (int j = 0; j < N; j++) bb[j] = (rand() / (double) RAND_MAX - 0.5) * 0.5;
    for (int i = 0; i < BATCH * N; i++) xs0[i] = (rand() / (double) RAND_MAX - 0.5) * 4.0;

    /* one thread: the main thread, pinned to vCPU 0 */
    double one[REPS], two[REPS], two0[REPS], two1[REPS];
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    for (int r = 0; r < REPS; r++) {
        memcpy(xs, xs0, sizeof xs);
        double t0 = now();
        steps(xs, BATCH, cs, 0.01, STEPS);
        one[r] = now() - t0;
    }
    /* two threads of 32 states each, started once; the wall time of a timing runs from the start barrier to the end
     * barrier (the threads wait at a futex between timings, as a thread pool's workers do) */
    CPU_SET(1, &set);   /* main may run anywhere again: it only waits at the barriers */
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    static struct job a, b;
    a.x = xs; a.states = BATCH / 2; a.cpu = 0;
    b.x = xs + BATCH / 2 * N; b.states = BATCH / 2; b.cpu = 1;
    pthread_barrier_init(&start, NULL, 3);
    pthread_barrier_init(&end, NULL, 3);
    pthread_t ta, tb;
    pthread_create(&ta, NULL, run_half, &a);
    pthread_create(&tb, NULL, run_half, &b);
    for (int r = 0; r < REPS; r++) {
        memcpy(xs, xs0, sizeof xs);
        double t0 = now();   /* before the barrier: once the two threads run, main may get no vCPU until they end */
        pthread_barrier_wait(&start);
        pthread_barrier_wait(&end);
        two[r] = now() - t0;
    }
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    memcpy(two0, a.seconds, sizeof two0);
    memcpy(two1, b.seconds, sizeof two1);
    memcpy(ref, xs0, sizeof ref);
    reference(ref, 0.01, STEPS);
    double err = 0;
    for (int i = 0; i < BATCH * N; i++) err = fmax(err, fabs(ref[i] - xs[i]));
    for (int r = 0; r < REPS; r++)   /* a timing cannot be shorter than either thread's part of it */
        if (two[r] < fmax(two0[r], two1[r])) { fprintf(stderr, "timing %d: wall %.3g s < a thread's %.3g s\n", r, two[r], fmax(two0[r], two1[r])); return 1; }
    qsort(one, REPS, sizeof(double), cmp);
    qsort(two, REPS, sizeof(double), cmp);
    qsort(two0, REPS, sizeof(double), cmp);
    qsort(two1, REPS, sizeof(double), cmp);
    double us = 1e6 / STEPS;
    printf("C, AVX-512%s,", CHEAP_TAG);
    printf(" N = %d, 64 states, tiles of 4, medians of %d timings of %d steps (min .. max)\n", N, REPS, STEPS);
    printf("one thread:   %.1f us per step (%.1f .. %.1f), %.3f ns per neuron-step\n", one[REPS / 2] * us,
           one[0] * us, one[REPS - 1] * us, one[REPS / 2] * 1e9 / STEPS / BATCH / N);
    printf("two threads:  %.1f us per step (%.1f .. %.1f); thread on cpu0 %.1f, cpu1 %.1f us\n", two[REPS / 2] * us,
           two[0] * us, two[REPS - 1] * us, two0[REPS / 2] * us, two1[REPS / 2] * us);
    printf("max |x - libm reference| after %d steps: %.2e\n", STEPS, err);
    return 0;
}
