/*
 * The vector tanh of ddmatch-core's rnn/VectorKernels written in C with AVX-512 intrinsics (same constants, same
 * operations, four vectors per loop iteration), and the table-driven variant measured as an alternative
 * (bench/results/2026-12-05-tanh/TanhTable.java): how fast this algorithm runs when compiled by gcc rather than
 * C2, on 1024 elements in L1. Prints ns per element, cycles per 8-element vector at the clock given as the first
 * argument (GHz, from bench/cpu/pipes), and the largest difference from libm's tanh. Run by bench/run-cpu.sh.
 *   gcc -O2 -mavx512f -mavx512dq -mfma -o tanh tanh.c -lm && ./tanh 3.45
 */
#include <immintrin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

#define B(v) _mm512_set1_pd(v)
#define SIGN 0x8000000000000000LL
static const double LOG2E = 1.4426950408889634, ROUND = 0x1.8p52;
static const double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
static const double Q0 = 0.5000000000000001, Q1 = 0.16666666666666669, Q2 = 0.041666666666624164,
                    Q3 = 0.008333333333330065, Q4 = 0.0013888888917196719, Q5 = 0.00019841269863040545,
                    Q6 = 2.4801521322368692e-05, Q7 = 2.7557268480310024e-06, Q8 = 2.7620075879983367e-07,
                    Q9 = 2.5100375832561234e-08;
/* table form: n = round(y 8/ln2), r = y - n ln2/8 in one fused multiply-add, 2^(n/8) = 2^(n>>3) T[n&7] */
static const double E8 = 11.541560327111707, MLN2_8 = -0.08664339756999316;
static const double R0 = 0.5, R1 = 0.16666666666666866, R2 = 0.041666666666666866, R3 = 0.008333333324839985,
                    R4 = 0.001388888888039558, R5 = 0.0001984217493849779, R6 = 2.4802492395598088e-05;
static long long TB[8];

/* the library's form: Cody-Waite reduction by ln 2, degree-9 q, one division */
static inline __m512d tanh_lib(__m512d xv) {
    __m512d a = _mm512_abs_pd(xv), y = _mm512_add_pd(a, a);
    __mmask8 big = _mm512_cmp_pd_mask(y, B(40.0), _CMP_GT_OQ);
    __m512d t = _mm512_fmadd_pd(y, B(LOG2E), B(ROUND)), k = _mm512_sub_pd(t, B(ROUND));
    __m512d r = _mm512_fmadd_pd(k, B(-LN2_HI), y);
    r = _mm512_fmadd_pd(k, B(-LN2_LO), r);
    __m512d q = _mm512_fmadd_pd(r, B(Q9), B(Q8));
    q = _mm512_fmadd_pd(q, r, B(Q7)); q = _mm512_fmadd_pd(q, r, B(Q6)); q = _mm512_fmadd_pd(q, r, B(Q5));
    q = _mm512_fmadd_pd(q, r, B(Q4)); q = _mm512_fmadd_pd(q, r, B(Q3)); q = _mm512_fmadd_pd(q, r, B(Q2));
    q = _mm512_fmadd_pd(q, r, B(Q1)); q = _mm512_fmadd_pd(q, r, B(Q0));
    __m512d p = _mm512_fmadd_pd(q, _mm512_mul_pd(r, r), r);
    __m512d s = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(t), _mm512_set1_epi64(1023)), 52));
    __m512d u = _mm512_fmadd_pd(s, p, _mm512_sub_pd(s, B(1.0)));
    __m512d th = _mm512_mask_blend_pd(big, _mm512_div_pd(u, _mm512_add_pd(u, B(2.0))), B(1.0));
    return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(th),
                                               _mm512_and_si512(_mm512_castpd_si512(xv), _mm512_set1_epi64(SIGN))));
}

/* the table form: 8-entry table of 2^(j/8) by one permute, degree-6 q */
static inline __m512d tanh_table(__m512d xv, __m512i tab) {
    __m512d a = _mm512_abs_pd(xv), y = _mm512_add_pd(a, a);
    __mmask8 big = _mm512_cmp_pd_mask(y, B(40.0), _CMP_GT_OQ);
    __m512d t = _mm512_fmadd_pd(y, B(E8), B(ROUND));
    __m512d r = _mm512_fmadd_pd(_mm512_sub_pd(t, B(ROUND)), B(MLN2_8), y);
    __m512d q = _mm512_fmadd_pd(r, B(R6), B(R5));
    q = _mm512_fmadd_pd(q, r, B(R4)); q = _mm512_fmadd_pd(q, r, B(R3)); q = _mm512_fmadd_pd(q, r, B(R2));
    q = _mm512_fmadd_pd(q, r, B(R1)); q = _mm512_fmadd_pd(q, r, B(R0));
    __m512d p = _mm512_fmadd_pd(q, _mm512_mul_pd(r, r), r);
    __m512i ti = _mm512_castpd_si512(t);
    __m512i tb = _mm512_permutexvar_epi64(_mm512_and_si512(ti, _mm512_set1_epi64(7)), tab);
    __m512d s = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_slli_epi64(ti, 49), tb));
    __m512d u = _mm512_fmadd_pd(s, p, _mm512_sub_pd(s, B(1.0)));
    __m512d th = _mm512_mask_blend_pd(big, _mm512_div_pd(u, _mm512_add_pd(u, B(2.0))), B(1.0));
    return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(th),
                                               _mm512_and_si512(_mm512_castpd_si512(xv), _mm512_set1_epi64(SIGN))));
}

#define LEN 1024
static double xs[LEN], out[LEN];

static void run_lib(void) {
    for (int i = 0; i < LEN; i += 32) {
        __m512d r0 = tanh_lib(_mm512_loadu_pd(xs + i)), r1 = tanh_lib(_mm512_loadu_pd(xs + i + 8));
        __m512d r2 = tanh_lib(_mm512_loadu_pd(xs + i + 16)), r3 = tanh_lib(_mm512_loadu_pd(xs + i + 24));
        _mm512_storeu_pd(out + i, r0); _mm512_storeu_pd(out + i + 8, r1);
        _mm512_storeu_pd(out + i + 16, r2); _mm512_storeu_pd(out + i + 24, r3);
    }
}

static void run_table(void) {
    __m512i tab = _mm512_loadu_si512(TB);
    for (int i = 0; i < LEN; i += 32) {
        __m512d r0 = tanh_table(_mm512_loadu_pd(xs + i), tab), r1 = tanh_table(_mm512_loadu_pd(xs + i + 8), tab);
        __m512d r2 = tanh_table(_mm512_loadu_pd(xs + i + 16), tab), r3 = tanh_table(_mm512_loadu_pd(xs + i + 24), tab);
        _mm512_storeu_pd(out + i, r0); _mm512_storeu_pd(out + i + 8, r1);
        _mm512_storeu_pd(out + i + 16, r2); _mm512_storeu_pd(out + i + 24, r3);
    }
}

static void bench(const char *name, void (*f)(void), double ghz) {
    double err = 0;
    f();
    for (int i = 0; i < LEN; i++) err = fmax(err, fabs(out[i] - tanh(xs[i])));
    for (int rep = 0; rep < 3; rep++) {
        int reps = 300000;
        double t0 = now();
        for (int r = 0; r < reps; r++) {
            f();
            __asm__ volatile("" ::"r"(out) : "memory");   /* keep every call */
        }
        double ns = (now() - t0) / reps / LEN * 1e9;
        printf("%-22s %.3f ns/element = %4.1f cycles per 8 at %.2f GHz   (max |error| %.2g)\n", name, ns, ns * 8 * ghz,
               ghz, err);
    }
}

int main(int argc, char **argv) {
    double ghz = argc > 1 ? atof(argv[1]) : 1.0;
    for (int j = 0; j < 8; j++) {
        double v = exp2(j / 8.0);
        long long bits;
        __builtin_memcpy(&bits, &v, 8);
        TB[j] = bits - ((long long) j << 49);
    }
    srand(1);
    for (int i = 0; i < LEN; i++) xs[i] = 4.0 * ((double) rand() / RAND_MAX - 0.5) * 2;   /* |x| < 4 */
    bench("library form (C)", run_lib, ghz);
    bench("table form (C)", run_table, ghz);
    return 0;
}
