/* bench/gen_baci.c: writes a BACI-shaped trade file (t,i,j,k,v,q) for benchmarks: real BACI country codes,
 * ~5000 HS6 codes (leading zeros kept), heavy-tailed (Zipf) exporter and importer weights rotated per product,
 * lognormal values, 5% NA quantities. Deterministic: same seed and row count, same bytes.
 * usage: gen_baci ROWS SEED COUNTRY_CODES_CSV > out.csv */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;
static uint64_t rnd(void) /* splitmix64 */
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static double unif(void) { return ((double)(rnd() >> 11) + 0.5) / 9007199254740992.0; }
static double normal(void) { return sqrt(-2.0 * log(unif())) * cos(6.283185307179586 * unif()); }

/* cumulative Zipf(s) weights over n ranks; draw by binary search */
static double *zipf(int n, double s)
{
    double *c = malloc((size_t)n * sizeof *c), acc = 0;
    for (int i = 0; i < n; i++)
        c[i] = acc += 1.0 / pow(i + 1, s);
    for (int i = 0; i < n; i++)
        c[i] /= acc;
    return c;
}
static int draw(const double *c, int n)
{
    double u = unif();
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (c[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen_baci ROWS SEED COUNTRY_CODES_CSV\n");
        return 64;
    }
    long rows = atol(argv[1]);
    state = strtoull(argv[2], NULL, 10);
    FILE *cc = fopen(argv[3], "rb");
    if (!cc) {
        perror(argv[3]);
        return 66;
    }
    int codes[300], nc = 0;
    char line[512], seen[300][4];
    while (fgets(line, sizeof line, cc) && nc < 300) {
        int code, dup = 0;
        /* one code per ISO3 (BACI lists e.g. Belgium 56 and Belgium-Luxembourg 58), none of the N/A groupings */
        char *iso = strrchr(line, ',');
        if (sscanf(line, "%d,", &code) != 1 || !iso || strlen(iso) < 6 || strstr(line, "N/A\""))
            continue;
        for (int k = 0; k < nc; k++)
            dup |= memcmp(seen[k], iso + 2, 3) == 0;
        if (dup)
            continue;
        memcpy(seen[nc], iso + 2, 3);
        seen[nc][3] = '\0';
        codes[nc++] = code;
    }
    fclose(cc);
    enum { NP = 5000 };
    static int hs[NP];
    for (int p = 0; p < NP; p++) /* distinct codes: chapter 1..97, heading and subheading */
        hs[p] = (1 + p % 97) * 10000 + (int)((p / 97) * 191 % 10000);
    double *prod = zipf(NP, 0.7), *exp_w = zipf(nc, 1.3), *imp_w = zipf(nc, 0.9);
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    fputs("t,i,j,k,v,q\n", stdout);
    for (long r = 0; r < rows; r++) {
        int p = draw(prod, NP);
        int shift = (int)((uint32_t)hs[p] * 2654435761u % (uint32_t)nc);
        int i = (draw(exp_w, nc) + shift) % nc;
        int j = (draw(imp_w, nc) + shift / 2) % nc;
        if (j == i)
            j = (j + 1) % nc;
        double v = exp(2.0 + 2.2 * normal());
        if (v < 0.001)
            v = 0.001;
        if (rnd() % 20 == 0)
            printf("2022,%d,%d,%06d,%.3f,NA\n", codes[i], codes[j], hs[p], v);
        else
            printf("2022,%d,%d,%06d,%.3f,%.3f\n", codes[i], codes[j], hs[p], v,
                   v / exp(1.0 + 1.5 * normal()) + 0.001);
    }
    return fflush(stdout) == 0 ? 0 : 74;
}
