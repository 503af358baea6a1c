/*
 * Throughput of 512-bit vector operations on this CPU, for the bound in BENCHMARKS.md ("why the batch target is not
 * met"): twelve independent chains of one operation kind (or a mix), so only the execution ports limit the rate.
 * The clock is estimated from the latency of a dependent chain of FMAs, assumed 4 cycles (Zen 4, Zen 5 and Intel
 * cores since Skylake). A development tool run by bench/run-cpu.sh; nothing in the build uses it.
 *   gcc -O2 -mavx512f -mfma -o pipes pipes.c
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

#define ITER 100000000L
static double ghz;

/* Twelve chains a0..a11 updated by OPS each iteration; prints operations per cycle. */
#define RUN(name, OPS)                                                                                     \
    {                                                                                                      \
        __m512d a0 = _mm512_set1_pd(1), a1 = _mm512_set1_pd(2), a2 = _mm512_set1_pd(3), a3 = _mm512_set1_pd(4), \
                a4 = _mm512_set1_pd(5), a5 = _mm512_set1_pd(6), a6 = _mm512_set1_pd(7), a7 = _mm512_set1_pd(8), \
                a8 = _mm512_set1_pd(9), a9 = _mm512_set1_pd(10), a10 = _mm512_set1_pd(11), a11 = _mm512_set1_pd(12); \
        __m512d m = _mm512_set1_pd(0.9999999), c = _mm512_set1_pd(1e-9);                                 \
        __m512i ci = _mm512_set1_epi64(1);                                                                 \
        double t0 = now();                                                                                 \
        for (long i = 0; i < ITER; i++) { OPS }                                                            \
        double cyc = (now() - t0) / ITER * ghz * 1e9;                                                      \
        __m512d s = _mm512_add_pd(_mm512_add_pd(_mm512_add_pd(a0, a1), _mm512_add_pd(a2, a3)),            \
                                  _mm512_add_pd(_mm512_add_pd(a4, a5), _mm512_add_pd(a6, a7)));            \
        s = _mm512_add_pd(s, _mm512_add_pd(_mm512_add_pd(a8, a9), _mm512_add_pd(a10, a11)));              \
        printf("%-34s %5.2f cycles per 12 -> %4.2f per cycle   (checksum %g)\n", name, cyc, 12 / cyc, s[0]); \
    }
#define F(a) a = _mm512_fmadd_pd(a, m, c);
#define A(a) a = _mm512_add_pd(a, c);
#define I(a) a = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_castpd_si512(a), ci));
#define X(a) a = _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(a), ci));
#define SH(a) a = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_castpd_si512(a), 1));
#define BL(a) a = _mm512_mask_blend_pd(0x55, a, c);
#define D(a) a = _mm512_div_pd(a, m);

int main(void) {
    __m512d x = _mm512_set1_pd(1.0), m = _mm512_set1_pd(0.9999999), c = _mm512_set1_pd(1e-9);
    long n = 200000000L;
    double t0 = now();
    for (long i = 0; i < n; i++) x = _mm512_fmadd_pd(x, m, c);
    double lat = (now() - t0) / n * 1e9;
    ghz = 4.0 / lat;
    printf("dependent 512-bit FMA: %.3f ns -> clock %.2f GHz if its latency is 4 cycles   (checksum %g)\n", lat, ghz, x[0]);
    RUN("vfmadd (FMA)", F(a0) F(a1) F(a2) F(a3) F(a4) F(a5) F(a6) F(a7) F(a8) F(a9) F(a10) F(a11))
    RUN("vaddpd (FADD)", A(a0) A(a1) A(a2) A(a3) A(a4) A(a5) A(a6) A(a7) A(a8) A(a9) A(a10) A(a11))
    RUN("6 FMA + 6 FADD", F(a0) F(a1) F(a2) F(a3) F(a4) F(a5) A(a6) A(a7) A(a8) A(a9) A(a10) A(a11))
    RUN("vpaddq", I(a0) I(a1) I(a2) I(a3) I(a4) I(a5) I(a6) I(a7) I(a8) I(a9) I(a10) I(a11))
    RUN("vpxorq", X(a0) X(a1) X(a2) X(a3) X(a4) X(a5) X(a6) X(a7) X(a8) X(a9) X(a10) X(a11))
    RUN("vpsllq", SH(a0) SH(a1) SH(a2) SH(a3) SH(a4) SH(a5) SH(a6) SH(a7) SH(a8) SH(a9) SH(a10) SH(a11))
    RUN("vblendmpd", BL(a0) BL(a1) BL(a2) BL(a3) BL(a4) BL(a5) BL(a6) BL(a7) BL(a8) BL(a9) BL(a10) BL(a11))
    RUN("vdivpd", D(a0) D(a1) D(a2) D(a3) D(a4) D(a5) D(a6) D(a7) D(a8) D(a9) D(a10) D(a11))
    RUN("4 FMA + 4 FADD + 4 vpaddq", F(a0) F(a1) F(a2) F(a3) A(a4) A(a5) A(a6) A(a7) I(a8) I(a9) I(a10) I(a11))
    return 0;
}
