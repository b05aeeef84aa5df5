/* The CSV reader on the cases real files have: BOM, CRLF, quoted fields with commas, quotes and newlines,
 * empty lines, a missing final newline, thousands separators; records across 1 MiB buffer refills; the same
 * from a read-only in-memory document, read in blocks and never written to; a lone CR inside a line (an error at its
 * column, recovered from on the next line); plain decimals parsed as strtod does (io/format/csv.c). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <string.h>

#include "critnet/csv.h"
#include "harness.h"

static char path[64];

static void write_file(const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    fwrite(data, 1, len, fp);
    fclose(fp);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/cn_test_csv_%d.csv", (int)getpid());
    const char doc[] = "\xEF\xBB\xBF" "a,b,c\r\n"
                       "1,\"7,900\",x\r\n"
                       "\r\n"
                       "2,\"say \"\"hi\"\"\",\"two\nlines\"\n"
                       "3,,\n"
                       "4,last,no newline";
    write_file(doc, sizeof doc - 1);
    cn_csv *r;
    cn_error err;
    cn_csv_row row;
    CHECK(cn_csv_open(path, ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(row.n == 3 && row.line == 1);
    CHECK_STR(row.field[0], "a"); /* BOM skipped */
    CHECK_STR(row.field[2], "c"); /* CR dropped */
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK_STR(row.field[1], "7,900");
    double x;
    CHECK(cn_parse_double(row.field[1], row.len[1], 1, &x, NULL) == 0 && x == 7900.0);
    CHECK(cn_parse_double(row.field[1], row.len[1], 0, &x, NULL) != 0);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(row.line == 4);
    CHECK_STR(row.field[1], "say \"hi\"");
    CHECK_STR(row.field[2], "two\nlines");
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(row.line == 6 && row.n == 3 && row.len[1] == 0 && row.len[2] == 0);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK_STR(row.field[2], "no newline");
    CHECK(cn_csv_next(r, &row, &err) == 0);
    cn_csv_close(r);

    /* 300,000 records crossing many buffer refills, with quoted fields at the seams */
    FILE *fp = fopen(path, "wb");
    for (int i = 0; i < 300000; i++)
        fprintf(fp, "%d,\"q,%d\"\"x\",tail\n", i, i);
    fclose(fp);
    CHECK(cn_csv_open(path, ',', &r, &err) == CN_OK);
    int good = 0, n = 0;
    char want[64];
    while (cn_csv_next(r, &row, &err) == 1) {
        snprintf(want, sizeof want, "q,%d\"x", n);
        good += row.n == 3 && atoi(row.field[0]) == n && strcmp(row.field[1], want) == 0 && row.line == n + 1;
        n++;
    }
    CHECK(n == 300000 && good == 300000);
    cn_csv_close(r);

    /* in memory: 100,000 records (~2.3 MB, many 64 KiB blocks, quoted fields at the seams) after a BOM and
     * without a final newline, in pages made read-only: a write into the document would crash the test */
    size_t cap = (size_t)4 << 20, len = 3;
    char *mem = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(mem != MAP_FAILED);
    memcpy(mem, "\xEF\xBB\xBF", 3);
    for (int i = 0; i < 100000; i++)
        len += (size_t)snprintf(mem + len, cap - len, i < 99999 ? "%d,\"q,%d\"\"x\",tail\r\n" : "%d,\"q,%d\"\"x\",tail",
                                i, i);
    CHECK(mprotect(mem, cap, PROT_READ) == 0);
    CHECK(cn_csv_open_mem(mem, len, "mem.csv", ',', &r, &err) == CN_OK);
    good = n = 0;
    while (cn_csv_next(r, &row, &err) == 1) {
        snprintf(want, sizeof want, "q,%d\"x", n);
        good += row.n == 3 && atoi(row.field[0]) == n && strcmp(row.field[1], want) == 0 &&
                strcmp(row.field[2], "tail") == 0 && row.line == n + 1;
        n++;
    }
    CHECK(n == 100000 && good == 100000);
    CHECK(cn_csv_offset(r) == len && cn_csv_size(r) == len);
    cn_csv_close(r);
    CHECK(cn_csv_open_mem(mem, 7, "mem.csv", ',', &r, &err) == CN_OK); /* BOM + "0,\"q": cut inside a quote */
    CHECK(cn_csv_next(r, &row, &err) == -1 && strstr(err.msg, "mem.csv:1: unterminated quoted field"));
    cn_csv_close(r);
    /* a record longer than the two blocks of the buffer (300,000 bytes) grows it */
    CHECK(mprotect(mem, cap, PROT_READ | PROT_WRITE) == 0);
    memset(mem, 'x', 300000);
    memcpy(mem + 300000, ",y\nz", 4);
    CHECK(cn_csv_open_mem(mem, 300004, "mem.csv", ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1 && row.n == 2 && row.len[0] == 300000 && strcmp(row.field[1], "y") == 0);
    CHECK(cn_csv_next(r, &row, &err) == 1 && row.n == 1 && strcmp(row.field[0], "z") == 0 && row.line == 2);
    CHECK(cn_csv_next(r, &row, &err) == 0);
    cn_csv_close(r);
    munmap(mem, cap);

    /* errors name the file and line */
    const char bad[] = "a,b\n1,\"open\n";
    write_file(bad, sizeof bad - 1);
    CHECK(cn_csv_open(path, ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(cn_csv_next(r, &row, &err) == -1);
    CHECK(strstr(err.msg, ":2: unterminated quoted field") != NULL);
    cn_csv_close(r);
    CHECK(cn_csv_open("/nonexistent/x.csv", ',', &r, &err) == CN_ENOINPUT);

    /* numbers: plain decimals only */
    CHECK(cn_parse_double("1e3", 3, 0, &x, NULL) == 0 && x == 1000.0);
    CHECK(cn_parse_double("nan", 3, 0, &x, NULL) != 0);
    CHECK(cn_parse_double("0x10", 4, 0, &x, NULL) != 0);
    CHECK(cn_parse_double("", 0, 0, &x, NULL) != 0);
    /* a CR inside a line is an error at its column; reading resumes on the next line after recover */
    write_file("a,b\n1,2\r3\n4,5\r\n", 15);
    CHECK(cn_csv_open(path, ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(cn_csv_next(r, &row, &err) == -1);
    CHECK(strstr(err.msg, ":2:4: unexpected carriage return") != NULL);
    CHECK(cn_csv_recover(r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == 1);
    CHECK(row.line == 3 && row.n == 2);
    CHECK_STR(row.field[1], "5"); /* CRLF's CR dropped */
    CHECK(cn_csv_next(r, &row, &err) == 0);
    cn_csv_close(r);

    /* plain decimals: the fast path must give strtod's (correctly rounded) double */
    const char *nums[] = {"0.1", "123.456", "-0.5", "9007199254740.993", "0.001", "271.828182845904", "7"};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        x = NAN;
        CHECK(cn_parse_double(nums[i], strlen(nums[i]), 0, &x, NULL) == 0);
        CHECK(x == strtod(nums[i], NULL));
    }
    CHECK(cn_parse_double("1e3", 3, 0, &x, NULL) == 0 && x == 1000.0); /* slow path */
    CHECK(cn_parse_double("12x", 3, 0, &x, NULL) != 0);
    CHECK(cn_parse_double("1.2.3", 5, 0, &x, NULL) != 0);
    CHECK(cn_parse_double(".", 1, 0, &x, NULL) != 0);

    remove(path);
    return cn_test_done();
}
