/* tests/unit/test_io_errors.c: the error contract of io/format and io/import: parsers and setters return
 * cn_status with a message in cn_error (or accept a NULL cn_error), the CSV reader's steps are named. */
#include <stdlib.h>
#include <string.h>

#include "critnet/csv.h"
#include "critnet/io.h"
#include "critnet/trade.h"
#include "harness.h"

int main(void)
{
    cn_error err = {0};
    double x = 42.0;

    /* cn_parse_double: CN_EDATA with the text quoted; *out untouched on failure; err may be NULL */
    CHECK(cn_parse_double("7,900", 5, 1, &x, &err) == CN_OK && x == 7900.0);
    x = 42.0;
    CHECK(cn_parse_double("12x", 3, 0, &x, &err) == CN_EDATA);
    CHECK(err.status == CN_EDATA && strstr(err.msg, "'12x'") != NULL);
    CHECK(x == 42.0);
    CHECK(cn_parse_double("7,900", 5, 0, &x, NULL) == CN_EDATA); /* commas only when allowed */
    CHECK(cn_parse_double(" 2.5\t", 5, 0, &x, NULL) == CN_OK && x == 2.5);

    /* cn_trade_layout_parse */
    cn_trade_layout l = CN_TRADE_LAYOUT_AUTO;
    CHECK(cn_trade_layout_parse("comtrade", &l, &err) == CN_OK && l == CN_TRADE_LAYOUT_COMTRADE);
    CHECK(cn_trade_layout_parse("baci", &l, NULL) == CN_OK && l == CN_TRADE_LAYOUT_BACI);
    CHECK(cn_trade_layout_parse("xls", &l, &err) == CN_EUSAGE && l == CN_TRADE_LAYOUT_BACI);
    CHECK(strstr(err.msg, "'xls'") != NULL);

    /* the CSV reader's steps: a row, the end; an in-memory reader has no limit to set */
    static const char doc[] = "a,b\n1,2\n";
    cn_csv *r = NULL;
    cn_csv_row row;
    CHECK(cn_csv_open_mem(doc, sizeof doc - 1, "doc.csv", ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == CN_CSV_STEP_ROW && row.n == 2);
    CHECK(cn_csv_set_limit(r, 4, &err) == CN_EUSAGE);
    CHECK(strstr(err.msg, "doc.csv") != NULL);
    char *line;
    size_t len;
    long lineno;
    CHECK(cn_csv_peek_line(r, &line, &len, &lineno, &err) == CN_CSV_STEP_ROW && len == 3 && lineno == 2);
    CHECK(memcmp(line, "1,2", 3) == 0);
    cn_csv_skip_line(r);
    CHECK(cn_csv_peek_line(r, &line, &len, &lineno, &err) == CN_CSV_STEP_EOF);
    CHECK(cn_csv_next(r, &row, &err) == CN_CSV_STEP_EOF);
    cn_csv_close(r);

    /* a malformed record: CN_CSV_STEP_ERROR, then recovered from */
    static const char bad[] = "a\"b,c\nd,e\n";
    CHECK(cn_csv_open_mem(bad, sizeof bad - 1, "bad.csv", ',', &r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == CN_CSV_STEP_ERROR && err.status == CN_EDATA);
    CHECK(strncmp(err.msg, "bad.csv:1:", 10) == 0);
    CHECK(cn_csv_recover(r, &err) == CN_OK);
    CHECK(cn_csv_next(r, &row, &err) == CN_CSV_STEP_ROW && row.line == 2 && strcmp(row.field[1], "e") == 0);
    cn_csv_close(r);

    /* a failed open leaves nothing: *out NULL */
    r = (cn_csv *)&err;
    CHECK(cn_csv_open("/nonexistent/x.csv", ',', &r, &err) == CN_ENOINPUT && r == NULL);

    /* cn_json_dump: a string the caller frees, which reads back */
    cn_net *net = NULL, *again = NULL;
    static const char json[] = "{\"format\": \"critnet\", \"version\": 1, \"countries\": [{\"id\": \"CHL\"}],"
                               " \"minerals\": [{\"id\": \"lithium\"}], \"edges\": [{\"kind\": \"produces\", "
                               "\"country\": \"CHL\", \"mineral\": \"lithium\", \"share\": 0.25}]}";
    CHECK(cn_json_parse(json, sizeof json - 1, "j.json", &net, &err) == CN_OK);
    char *out = NULL;
    CHECK(net && cn_json_dump(net, &out, &err) == CN_OK && out != NULL);
    CHECK(out && strstr(out, "\"share\":0.25") != NULL);
    CHECK(out && cn_json_parse(out, strlen(out), "dump", &again, &err) == CN_OK && again->nedges == 1);
    free(out);
    cn_net_free(again);
    cn_net_free(net);
    return cn_test_done();
}
