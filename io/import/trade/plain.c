/* io/import/trade/plain.c: the common BACI line, "2022,4,20,210690,1.523,0.023" (t,i,j,k,v,q in that order and
 * nothing else: digits, one '.' in v and q, or NA; LF or CRLF), split and its numbers parsed in one pass, eight
 * bytes at a time (SWAR), where it stands in the reader's buffer (cn_csv_peek_data). The figures are those
 * cn_parse_double gives (tests/unit/test_trade_plain.c checks them against strtod); any other form is left to
 * the general path (rows.c). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "import/trade/read_i.h"

/* SWAR: eight bytes of a line at once (CN_CSV_PAD bytes after a peeked line are readable, so every load is in
 * bounds). Byte i of a little-endian word is character i. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define PLAIN_SWAR 1
static uint64_t load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* the number of decimal digits w starts with (0-8); x: w's bytes minus '0' (digit values where they are digits) */
static int digit_run(uint64_t w, uint64_t *x)
{
    *x = w ^ 0x3030303030303030ull; /* '0'..'9' -> 0..9; every other byte -> above 9 */
    uint64_t bad = ((*x + 0x7676767676767676ull) | *x) & 0x8080808080808080ull; /* a carry only moves right */
    return bad ? __builtin_ctzll(bad) >> 3 : 8;
}

/* the value of the first n (1-8) digits of x (from digit_run) */
static uint32_t digits_value(uint64_t x, int n)
{
    x <<= 8 * (8 - n); /* leading zeros */
    x = x * 10 + (x >> 8);
    return (uint32_t)(((x & 0x000000FF000000FFull) * (100 + (1000000ull << 32)) +
                       ((x >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32))) >> 32);
}

/* exact powers of ten: a mantissa below 2^53 divided by one of these is correctly rounded (as cn_parse_double) */
static const double plain_pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

/* a field of 1 to max digits at *p followed by stop: its value, *p moved past stop; -1 when not so */
static int32_t plain_int(const char **p, int min, int max, char stop)
{
    uint64_t x;
    int n = digit_run(load8(*p), &x);
    if (n < min || n > max || (*p)[n] != stop)
        return -1;
    int32_t v = (int32_t)digits_value(x, n);
    *p += n + 1;
    return v;
}

/* whether c ends a field: stop, or for stop '\n' a line break ('\n' or the '\r' of CRLF) */
static int plain_stop(char c, char stop)
{
    return c == stop || (stop == '\n' && c == '\r');
}

/* a value or quantity at *p followed by stop (above): "NA" (NAN), or up to 7 digits, '.', up to 7 digits (not both
 * empty), read as cn_parse_double reads it (the digits as one integer over a power of ten); 0 and *p past stop,
 * or -1 (another form: the general path reads it) */
static int plain_amount(const char **p, char stop, double *v)
{
    const char *q = *p;
    uint64_t x, y;
    if (q[0] == 'N' && q[1] == 'A' && plain_stop(q[2], stop)) {
        *v = NAN;
        *p = q + 3;
        return 0;
    }
    int n = digit_run(load8(q), &x), k = 0;
    if (n == 8)
        return -1;
    uint64_t m = n ? digits_value(x, n) : 0;
    q += n;
    if (*q == '.') {
        k = digit_run(load8(q + 1), &y);
        if (k == 8)
            return -1;
        if (k)
            m = m * (uint64_t)plain_pow10[k] + digits_value(y, k);
        q += 1 + k;
    }
    if (n + k == 0 || !plain_stop(*q, stop))
        return -1;
    *v = k ? (double)m / plain_pow10[k] : (double)m;
    *p = q + 1;
    return 0;
}
#endif

int cn_i_trade_plain_line(char *line, char **field, size_t *flen, cn_i_plain *out, size_t *used)
{
#ifdef PLAIN_SWAR
    const char *q = line;
    static const unsigned char min[4] = {4, 1, 1, 5}, max[4] = {4, 3, 3, 6};
    int32_t v[4];
    for (int i = 0; i < 6; i++) { /* each up to its comma, the last up to the line break; the data's end fails */
        const char *s = q;
        if (i < 4 ? (v[i] = plain_int(&q, min[i], max[i], ',')) < 0
                  : plain_amount(&q, i == 4 ? ',' : '\n', i == 4 ? &out->value : &out->quantity) < 0)
            return 0;
        field[i] = (char *)s;
        flen[i] = (size_t)(q - s - 1);
    }
    if (q[-1] == '\r' && *q++ != '\n')
        return 0; /* a carriage return not ending the line */
    *used = (size_t)(q - line);
    out->year = v[0];
    out->exporter = v[1];
    out->importer = v[2];
    out->product = v[3];
    return 1;
#else
    (void)line, (void)field, (void)flen, (void)out, (void)used;
    return 0;
#endif
}
