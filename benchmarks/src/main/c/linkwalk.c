/* The floor for LinkDecodeBench.iterateLinkAttributes: the same walk of the kernel's 1848-byte
 * RTM_NEWLINK (every top-level attribute, IFLA_LINKINFO > INFO_DATA/INFO_SLAVE_DATA, IFLA_AF_SPEC)
 * with the same bounds checks, in C. Prints the attributes visited and the thread CPU per walk,
 * then the floor: the walk without checks, and 85 dependent loads (a pointer chase in L1).
 *   java -cp benchmarks/target/benchmarks.jar io.netlink4j.benchmarks.LinkDecodeBench /tmp/link.bin
 *   gcc -O2 -o /tmp/linkwalk benchmarks/src/main/c/linkwalk.c && /tmp/linkwalk /tmp/link.bin */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
static unsigned char m[4096];
static int n;
/* the same walk as LinkDecodeBench.iterateLinkAttributes, with the same bounds checks */
static int walk(const unsigned char *b, int off, int end, int depth, int *acc, int *count) {
  int pos = off;
  while (end - pos > 0) {
    if (end - pos < 4) return -1;
    uint32_t h; memcpy(&h, b + pos, 4);
    int len = h & 0xffff, type = (h >> 16) & 0x3fff;
    if (len < 4 || len > end - pos) return -1;
    (*count)++; *acc += type;
    if (depth == 0 && (type == 4 || type == 10)) { uint32_t v; memcpy(&v, b + pos + 4, 4); *acc += v; }
    if (depth == 0 && (type == 18 || type == 26)) walk(b, pos + 4, pos + len, type == 18 ? 1 : 3, acc, count);
    else if (depth == 1 && (type == 2 || type == 5)) walk(b, pos + 4, pos + len, 2, acc, count);
    else if (depth == 2) *acc += len - 4;
    pos += (len + 3) & ~3;
  }
  return 0;
}
/* the floor of any serial walk: the same 85 attributes, no bounds checks and nothing read but
 * nla_len, so all that is left is the chain load -> len -> next position (the nests are visited
 * where the checked walk visits them) */
static int bare(const unsigned char *b, int off, int end, int depth) {
  int count = 0;
  for (int pos = off; pos < end;) {
    uint16_t len, type; memcpy(&len, b + pos, 2); memcpy(&type, b + pos + 2, 2); type &= 0x3fff;
    count++;
    if ((depth == 0 && (type == 18 || type == 26)) || (depth == 1 && (type == 2 || type == 5)))
      count += bare(b, pos + 4, pos + len, depth == 0 ? (type == 18 ? 1 : 3) : 2);
    pos += (len + 3) & ~3;
  }
  return count;
}
/* a pointer chase of 85 dependent loads from L1: the load latency alone */
static double chase(void) {
  static int next[85 * 16]; for (int i = 0; i < 85; i++) next[i * 16] = i == 84 ? 0 : (i + 1) * 16;
  struct timespec t0, t1; long iters = 2000000; volatile int sink = 0;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
  for (long i = 0; i < iters; i++) { int p = 0; __asm__ volatile("" ::: "memory"); for (int k = 0; k < 85; k++) p = next[p]; sink += p; }
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
  return ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / iters;
}
int main(int argc, char **argv) {
  FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
  if (!f) { fprintf(stderr, "usage: linkwalk FRAME (written by LinkDecodeBench's main)\n"); return 2; }
  n = fread(m, 1, sizeof m, f); fclose(f);
  int acc = 0, count = 0; walk(m, 16 + 16, n, 0, &acc, &count);
  printf("attributes visited: %d\n", count);
  for (int round = 0; round < 5; round++) {
    struct timespec t0, t1; long iters = 2000000; volatile int sink = 0;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    for (long i = 0; i < iters; i++) { int a = 0, c = 0; __asm__ volatile("" ::: "memory"); walk(m, 32, n, 0, &a, &c); sink += a; }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    printf("C walk: %.1f ns/op (thread cpu)\n", ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / iters);
  }
  printf("bare walk (no checks) visits %d attributes\n", bare(m, 32, n, 0));
  for (int round = 0; round < 5; round++) {
    struct timespec t0, t1; long iters = 2000000; volatile int sink = 0;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    for (long i = 0; i < iters; i++) { __asm__ volatile("" ::: "memory"); sink += bare(m, 32, n, 0); }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    printf("bare walk: %.1f ns/op (thread cpu)   85 dependent L1 loads: %.1f ns\n",
           ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / iters, chase());
  }
}
