#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
  __m512d a[12]; for(int i=0;i<12;i++) a[i]=_mm512_set1_pd(1.0+i*1e-9);
  __m512d m=_mm512_set1_pd(0.999999999), c=_mm512_set1_pd(1e-9);
  long iters=400000000/4;
  for(int rep=0;rep<3;rep++){
  double t0=now();
  for(long k=0;k<iters;k++){ for(int i=0;i<12;i++) a[i]=_mm512_fmadd_pd(a[i],m,c); }
  double t1=now();
  double s=0; for(int i=0;i<12;i++) s+=_mm512_reduce_add_pd(a[i]);
  printf("%.3f ns per FMA-vector (sum %g)\n",(t1-t0)*1e9/(iters*12.0),s);
  }
}
