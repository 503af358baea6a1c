#include <immintrin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+1e-9*t.tv_nsec;}
#define B(v) _mm512_set1_pd(v)
#define SIGN 0x8000000000000000LL
static const double TWO_LOG2E = 2*1.4426950408889634, ROUND = 0x1.8p52, HALF_LN2=0.5*0.6931471805599453;
static const double Q0 = 0.5000000000000001, Q1 = 0.16666666666666669, Q2 = 0.041666666666624164,
 Q3 = 0.008333333333330065, Q4 = 0.0013888888917196719, Q5 = 0.00019841269863040545,
 Q6 = 2.4801521322368692e-05, Q7 = 2.7557268480310024e-06, Q8 = 2.7620075879983367e-07, Q9 = 2.5100375832561234e-08;
/* stage 1: from x: r, t */
static inline void st1(__m512d x, __m512d *r, __m512d *t){
  __m512d a=_mm512_abs_pd(x);
  __m512d tt=_mm512_fmadd_pd(a,B(TWO_LOG2E),B(ROUND));
  __m512d k=_mm512_sub_pd(tt,B(ROUND));
  __m512d h=_mm512_fmadd_pd(k,B(-HALF_LN2),a);
  *r=_mm512_add_pd(h,h); *t=tt;
}
static inline __m512d st2(__m512d r, __m512d t){ /* -> u */
  __m512d rr=_mm512_mul_pd(r,r), r4=_mm512_mul_pd(rr,rr);
  __m512d g=_mm512_fmadd_pd(r4,_mm512_fmadd_pd(r,B(Q9),B(Q8)),_mm512_fmadd_pd(rr,_mm512_fmadd_pd(r,B(Q7),B(Q6)),_mm512_fmadd_pd(r,B(Q5),B(Q4))));
  __m512d q=_mm512_fmadd_pd(r4,g,_mm512_fmadd_pd(rr,_mm512_fmadd_pd(r,B(Q3),B(Q2)),_mm512_fmadd_pd(r,B(Q1),B(Q0))));
  __m512d p=_mm512_fmadd_pd(q,rr,r);
  __m512d s=_mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(t),_mm512_set1_epi64(1023)),52));
  return _mm512_fmadd_pd(s,p,_mm512_sub_pd(s,B(1.0)));
}
static inline __m512d st3(__m512d u, __m512d x){
  __mmask8 big=_mm512_cmp_pd_mask(_mm512_abs_pd(x),B(20.0),_CMP_GT_OQ);
  __m512d th=_mm512_mask_blend_pd(big,_mm512_div_pd(u,_mm512_add_pd(u,B(2.0))),B(1.0));
  return _mm512_castpd_si512(th), _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(th),_mm512_and_si512(_mm512_castpd_si512(x),_mm512_set1_epi64(SIGN))));
}
static inline __m512d th(__m512d x){__m512d r,t; st1(x,&r,&t); return st3(st2(r,t),x);}
#define LEN 1024
static double xs[LEN], out[LEN];
static double rb[LEN], tb[LEN], ub[LEN];
static void run_plain(void){
  for(int i=0;i<LEN;i+=32){
    __m512d a=th(_mm512_loadu_pd(xs+i)),b=th(_mm512_loadu_pd(xs+i+8)),c=th(_mm512_loadu_pd(xs+i+16)),d=th(_mm512_loadu_pd(xs+i+24));
    _mm512_storeu_pd(out+i,a);_mm512_storeu_pd(out+i+8,b);_mm512_storeu_pd(out+i+16,c);_mm512_storeu_pd(out+i+24,d);}
}
#define BLK 64
static void run_staged(void){
  for(int i0=0;i0<LEN;i0+=BLK){
    for(int i=i0;i<i0+BLK;i+=8){__m512d r,t; st1(_mm512_loadu_pd(xs+i),&r,&t); _mm512_storeu_pd(rb+i,r); _mm512_storeu_pd(tb+i,t);}
    for(int i=i0;i<i0+BLK;i+=8){_mm512_storeu_pd(ub+i, st2(_mm512_loadu_pd(rb+i),_mm512_loadu_pd(tb+i)));}
    for(int i=i0;i<i0+BLK;i+=8){_mm512_storeu_pd(out+i, st3(_mm512_loadu_pd(ub+i),_mm512_loadu_pd(xs+i)));}
  }
}
static void run_staged2(void){ /* two passes: st1+st2 then st3 */
  for(int i0=0;i0<LEN;i0+=BLK){
    for(int i=i0;i<i0+BLK;i+=8){__m512d r,t; st1(_mm512_loadu_pd(xs+i),&r,&t); _mm512_storeu_pd(ub+i,st2(r,t));}
    for(int i=i0;i<i0+BLK;i+=8){_mm512_storeu_pd(out+i, st3(_mm512_loadu_pd(ub+i),_mm512_loadu_pd(xs+i)));}
  }
}
static void run_pipe(void){ /* software pipelined: stage1 of i+16, stage2 of i+8, stage3 of i */
  __m512d r1,t1,r2,t2; __m512d u;
  st1(_mm512_loadu_pd(xs),&r1,&t1);
  u=st2(r1,t1);
  st1(_mm512_loadu_pd(xs+8),&r2,&t2);
  int i=0;
  for(;i+16<LEN;i+=8){
    __m512d nr,nt; st1(_mm512_loadu_pd(xs+i+16),&nr,&nt);
    __m512d nu=st2(r2,t2);
    _mm512_storeu_pd(out+i, st3(u,_mm512_loadu_pd(xs+i)));
    u=nu; r2=nr; t2=nt;
  }
  _mm512_storeu_pd(out+i, st3(u,_mm512_loadu_pd(xs+i)));
  _mm512_storeu_pd(out+i+8, st3(st2(r2,t2),_mm512_loadu_pd(xs+i+8)));
}
static void bench(const char*name,void(*f)(void),double ghz){
  double err=0; f(); for(int i=0;i<LEN;i++) err=fmax(err,fabs(out[i]-tanh(xs[i])));
  for(int rep=0;rep<3;rep++){int reps=300000;double t0=now();for(int r=0;r<reps;r++){f();__asm__ volatile(""::"r"(out):"memory");}
    double ns=(now()-t0)/reps/LEN*1e9; printf("%-12s %.3f ns/el = %4.1f cyc/8 (err %.2g)\n",name,ns,ns*8*ghz,err);}
}
int main(int c,char**v){double ghz=c>1?atof(v[1]):3.6; srand(1); for(int i=0;i<LEN;i++) xs[i]=8.0*((double)rand()/RAND_MAX-0.5);
  bench("plain",run_plain,ghz); bench("staged3",run_staged,ghz); bench("staged2",run_staged2,ghz); bench("pipe",run_pipe,ghz);
  bench("plain",run_plain,ghz); bench("staged3",run_staged,ghz); bench("pipe",run_pipe,ghz);}
