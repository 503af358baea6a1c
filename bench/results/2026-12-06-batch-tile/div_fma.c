#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+1e-9*t.tv_nsec;}
#define R8(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
int main(){
  long N=20000000;
#define DECL(i) __m512d a##i=_mm512_set1_pd(1.0+i*0.1); __m512d f##i=_mm512_set1_pd(1.0+i*0.1);
  R8(DECL)
  __m512d b=_mm512_set1_pd(1.0000001), m=_mm512_set1_pd(0.9999999), ad=_mm512_set1_pd(1e-8);
  double s=0,t0,t1;
  // A: 8 independent divs per iteration + 0 fma
#define DIV(i) a##i=_mm512_div_pd(b,a##i);
#define FMA(i) f##i=_mm512_fmadd_pd(f##i,m,ad);
#define BAR __asm__ volatile("" : "+v"(a0),"+v"(a1),"+v"(a2),"+v"(a3),"+v"(a4),"+v"(a5),"+v"(a6),"+v"(a7)); __asm__ volatile("" : "+v"(f0),"+v"(f1),"+v"(f2),"+v"(f3),"+v"(f4),"+v"(f5),"+v"(f6),"+v"(f7));
  for (int k = 14; k <= 22; k += 4) {
    t0=now();
    for(long it=0;it<N;it++){
      // 8 divs (one per chain) and 8*k fma
      R8(DIV)
      for (int q=0;q<k;q++){ R8(FMA) BAR }
      BAR
    }
    t1=now();
    printf("8 div + %2d fma per iter: %.3f ns/iter = %.2f cycles @3.45GHz (div alone floor %.1f, fma floor %.1f)\n", 8*k, (t1-t0)/N*1e9, (t1-t0)/N*1e9*3.45, 8*3.9, 8*k*0.5);
  }
#define SUM(i) s+=_mm512_reduce_add_pd(a##i)+_mm512_reduce_add_pd(f##i);
  R8(SUM) printf("%g\n",s);
}
