/* tests/fuzz/fuzz_gunzip.c: whole-input gzip (cn_gunzip, used for stdin, FIFOs and JSON .gz) and the --data
 * kind detection (cn_input_sniff) on a file holding the input. */
#include <stdlib.h>

#include "critnet/io.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t n = 0;
    cn_error err = {0};
    if (cn_gunzip((const char *)data, size, "fuzz.gz", (size_t)1 << 24, &out, &n, &err) == CN_OK)
        free(out);
    else
        fuzz_check_message(&err);
    const char *path = fuzz_write(size && data[0] == 0x1F ? "in.csv.gz" : "in.csv", data, size);
    cn_input in;
    if (cn_input_sniff(path, &in, &err) == CN_OK)
        cn_input_free(&in);
    else
        fuzz_check_message(&err);
    return 0;
}
