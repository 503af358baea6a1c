/* Throughput of 512-bit fused multiply-adds on the vCPU this runs on: 12 independent chains, so the two FMA pipes,
 * not the 4-cycle latency, bound it (Zen 5 at full speed: about 0.45 ns per FMA-vector). Run pinned to each vCPU at
 * the same time (bench/vcpu-check.sh) to see whether the host gives both vCPUs full speed while both are busy: at
 * times it gives one of them 60-65 % (BENCHMARKS.md, "A table of 2^(j/8) in the tanh").
 * Build: gcc -O2 -mavx512f -mfma -o vcpu_fma vcpu_fma.c      Usage: vcpu_fma [repeats, default 1] */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int repeats = argc > 1 ? atoi(argv[1]) : 1;
    __m512d a[12];
    for (int i = 0; i < 12; i++) a[i] = _mm512_set1_pd(1.0 + i * 1e-9);
    __m512d m = _mm512_set1_pd(0.999999999), c = _mm512_set1_pd(1e-9);
    long iters = 100000000 / 4;
    for (int rep = 0; rep < repeats; rep++) {
        double t0 = now();
        for (long k = 0; k < iters; k++) {
            for (int i = 0; i < 12; i++) a[i] = _mm512_fmadd_pd(a[i], m, c);
        }
        double t1 = now();
        double s = 0;
        for (int i = 0; i < 12; i++) s += _mm512_reduce_add_pd(a[i]);
        printf("%.3f%s", (t1 - t0) * 1e9 / (iters * 12.0), s == 0 ? "?" : "");
        printf(rep + 1 < repeats ? " " : "\n");
    }
    return 0;
}
