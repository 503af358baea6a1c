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
static inline void st1(__m512d x, __m512d *r, __m512d *t){
  __m512d a=_mm512_abs_pd(x); __m512d tt=_mm512_fmadd_pd(a,B(TWO_LOG2E),B(ROUND));
  __m512d k=_mm512_sub_pd(tt,B(ROUND)); __m512d h=_mm512_fmadd_pd(k,B(-HALF_LN2),a); *r=_mm512_add_pd(h,h); *t=tt;}
static inline __m512d st2(__m512d r, __m512d t){
  __m512d rr=_mm512_mul_pd(r,r), r4=_mm512_mul_pd(rr,rr);
  __m512d g=_mm512_fmadd_pd(r4,_mm512_fmadd_pd(r,B(Q9),B(Q8)),_mm512_fmadd_pd(rr,_mm512_fmadd_pd(r,B(Q7),B(Q6)),_mm512_fmadd_pd(r,B(Q5),B(Q4))));
  __m512d q=_mm512_fmadd_pd(r4,g,_mm512_fmadd_pd(rr,_mm512_fmadd_pd(r,B(Q3),B(Q2)),_mm512_fmadd_pd(r,B(Q1),B(Q0))));
  __m512d p=_mm512_fmadd_pd(q,rr,r);
  __m512d s=_mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(t),_mm512_set1_epi64(1023)),52));
  return _mm512_fmadd_pd(s,p,_mm512_sub_pd(s,B(1.0)));}
static inline __m512d st3(__m512d u, __m512d x){
  __mmask8 big=_mm512_cmp_pd_mask(_mm512_abs_pd(x),B(20.0),_CMP_GT_OQ);
  __m512d th=_mm512_mask_blend_pd(big,_mm512_div_pd(u,_mm512_add_pd(u,B(2.0))),B(1.0));
  return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(th),_mm512_and_si512(_mm512_castpd_si512(x),_mm512_set1_epi64(SIGN))));}
static inline __m512d th(__m512d x){__m512d r,t; st1(x,&r,&t); return st3(st2(r,t),x);}
#define N 1000
#define NB 992
static double xs[4*N], w[3*N], sums[12];
#define ACC(p,k) a##k##0=_mm512_fmadd_pd(p,w0,a##k##0); a##k##1=_mm512_fmadd_pd(p,w1,a##k##1); a##k##2=_mm512_fmadd_pd(p,w2,a##k##2);
static void plain(void){
  __m512d a00=B(0),a01=B(0),a02=B(0),a10=B(0),a11=B(0),a12=B(0),a20=B(0),a21=B(0),a22=B(0),a30=B(0),a31=B(0),a32=B(0);
  for(int j=0;j<NB;j+=8){
    __m512d w0=_mm512_loadu_pd(w+j),w1=_mm512_loadu_pd(w+N+j),w2=_mm512_loadu_pd(w+2*N+j);
    __m512d p0=th(_mm512_loadu_pd(xs+j)); ACC(p0,0)
    __m512d p1=th(_mm512_loadu_pd(xs+N+j)); ACC(p1,1)
    __m512d p2=th(_mm512_loadu_pd(xs+2*N+j)); ACC(p2,2)
    __m512d p3=th(_mm512_loadu_pd(xs+3*N+j)); ACC(p3,3)
  }
  sums[0]=_mm512_reduce_add_pd(a00);sums[1]=_mm512_reduce_add_pd(a01);sums[2]=_mm512_reduce_add_pd(a02);
  sums[3]=_mm512_reduce_add_pd(a10);sums[4]=_mm512_reduce_add_pd(a11);sums[5]=_mm512_reduce_add_pd(a12);
  sums[6]=_mm512_reduce_add_pd(a20);sums[7]=_mm512_reduce_add_pd(a21);sums[8]=_mm512_reduce_add_pd(a22);
  sums[9]=_mm512_reduce_add_pd(a30);sums[10]=_mm512_reduce_add_pd(a31);sums[11]=_mm512_reduce_add_pd(a32);
}
/* pipelined: in iteration j: stage1 of x[j+8], stage 2+3 of x[j] (u of j from r,t computed in previous iteration) */
static void pipe2(void){
  __m512d a00=B(0),a01=B(0),a02=B(0),a10=B(0),a11=B(0),a12=B(0),a20=B(0),a21=B(0),a22=B(0),a30=B(0),a31=B(0),a32=B(0);
  __m512d r0,t0,r1,t1,r2,t2,r3,t3;
  st1(_mm512_loadu_pd(xs),&r0,&t0);st1(_mm512_loadu_pd(xs+N),&r1,&t1);st1(_mm512_loadu_pd(xs+2*N),&r2,&t2);st1(_mm512_loadu_pd(xs+3*N),&r3,&t3);
  for(int j=0;j<NB;j+=8){
    int jn = j+8<NB? j+8 : j; /* last iteration recomputes harmlessly */
    __m512d w0=_mm512_loadu_pd(w+j),w1=_mm512_loadu_pd(w+N+j),w2=_mm512_loadu_pd(w+2*N+j);
    __m512d nr0,nt0,nr1,nt1,nr2,nt2,nr3,nt3;
    st1(_mm512_loadu_pd(xs+jn),&nr0,&nt0); st1(_mm512_loadu_pd(xs+N+jn),&nr1,&nt1);
    st1(_mm512_loadu_pd(xs+2*N+jn),&nr2,&nt2); st1(_mm512_loadu_pd(xs+3*N+jn),&nr3,&nt3);
    __m512d p0=st3(st2(r0,t0),_mm512_loadu_pd(xs+j)); ACC(p0,0)
    __m512d p1=st3(st2(r1,t1),_mm512_loadu_pd(xs+N+j)); ACC(p1,1)
    __m512d p2=st3(st2(r2,t2),_mm512_loadu_pd(xs+2*N+j)); ACC(p2,2)
    __m512d p3=st3(st2(r3,t3),_mm512_loadu_pd(xs+3*N+j)); ACC(p3,3)
    r0=nr0;t0=nt0;r1=nr1;t1=nt1;r2=nr2;t2=nt2;r3=nr3;t3=nt3;
  }
  sums[0]=_mm512_reduce_add_pd(a00);sums[1]=_mm512_reduce_add_pd(a01);sums[2]=_mm512_reduce_add_pd(a02);
  sums[3]=_mm512_reduce_add_pd(a10);sums[4]=_mm512_reduce_add_pd(a11);sums[5]=_mm512_reduce_add_pd(a12);
  sums[6]=_mm512_reduce_add_pd(a20);sums[7]=_mm512_reduce_add_pd(a21);sums[8]=_mm512_reduce_add_pd(a22);
  sums[9]=_mm512_reduce_add_pd(a30);sums[10]=_mm512_reduce_add_pd(a31);sums[11]=_mm512_reduce_add_pd(a32);
}
/* pipelined deeper: u of j computed in previous iteration: stage1+2 of x[j+8], stage 3 of x[j] */
static void pipe3(void){
  __m512d a00=B(0),a01=B(0),a02=B(0),a10=B(0),a11=B(0),a12=B(0),a20=B(0),a21=B(0),a22=B(0),a30=B(0),a31=B(0),a32=B(0);
  __m512d u0=th(B(0)),u1,u2,u3,r,t;
  st1(_mm512_loadu_pd(xs),&r,&t);u0=st2(r,t);st1(_mm512_loadu_pd(xs+N),&r,&t);u1=st2(r,t);
  st1(_mm512_loadu_pd(xs+2*N),&r,&t);u2=st2(r,t);st1(_mm512_loadu_pd(xs+3*N),&r,&t);u3=st2(r,t);
  for(int j=0;j<NB;j+=8){
    int jn = j+8<NB? j+8 : j;
    __m512d w0=_mm512_loadu_pd(w+j),w1=_mm512_loadu_pd(w+N+j),w2=_mm512_loadu_pd(w+2*N+j);
    __m512d n0,n1,n2,n3;
    st1(_mm512_loadu_pd(xs+jn),&r,&t); n0=st2(r,t); st1(_mm512_loadu_pd(xs+N+jn),&r,&t); n1=st2(r,t);
    st1(_mm512_loadu_pd(xs+2*N+jn),&r,&t); n2=st2(r,t); st1(_mm512_loadu_pd(xs+3*N+jn),&r,&t); n3=st2(r,t);
    __m512d p0=st3(u0,_mm512_loadu_pd(xs+j)); ACC(p0,0)
    __m512d p1=st3(u1,_mm512_loadu_pd(xs+N+j)); ACC(p1,1)
    __m512d p2=st3(u2,_mm512_loadu_pd(xs+2*N+j)); ACC(p2,2)
    __m512d p3=st3(u3,_mm512_loadu_pd(xs+3*N+j)); ACC(p3,3)
    u0=n0;u1=n1;u2=n2;u3=n3;
  }
  sums[0]=_mm512_reduce_add_pd(a00);sums[1]=_mm512_reduce_add_pd(a01);sums[2]=_mm512_reduce_add_pd(a02);
  sums[3]=_mm512_reduce_add_pd(a10);sums[4]=_mm512_reduce_add_pd(a11);sums[5]=_mm512_reduce_add_pd(a12);
  sums[6]=_mm512_reduce_add_pd(a20);sums[7]=_mm512_reduce_add_pd(a21);sums[8]=_mm512_reduce_add_pd(a22);
  sums[9]=_mm512_reduce_add_pd(a30);sums[10]=_mm512_reduce_add_pd(a31);sums[11]=_mm512_reduce_add_pd(a32);
}
static void bench(const char*name,void(*f)(void),double ghz){
  f(); double ref[12]; for(int i=0;i<12;i++) ref[i]=sums[i];
  for(int rep=0;rep<3;rep++){int reps=100000;double t0=now();for(int r=0;r<reps;r++){f();__asm__ volatile(""::"r"(sums):"memory");}
    double ns=(now()-t0)/reps/(4.0*NB)*1e9; printf("%-8s %.3f ns/neuron-state = %4.1f cyc/8  s0=%.17g\n",name,ns,ns*8*ghz,ref[0]);}
}
int main(int c,char**v){double ghz=3.6; srand(1); for(int i=0;i<4*N;i++) xs[i]=6.0*((double)rand()/RAND_MAX-0.5);
 for(int i=0;i<3*N;i++) w[i]=((double)rand()/RAND_MAX-0.5);
 bench("plain",plain,ghz); bench("pipe2",pipe2,ghz); bench("pipe3",pipe3,ghz); bench("plain",plain,ghz); bench("pipe2",pipe2,ghz); bench("pipe3",pipe3,ghz);}
