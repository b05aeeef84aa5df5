#!/bin/bash
# tests/install/symbols.sh LIBCRITNET.so LIBCRITNET.a: the shared library exports only public names (cn_, never
# the internal cn_i_), and the static library defines no global name outside cn_ (it links into programs).
set -u
so=$1 a=$2
command -v nm >/dev/null || { echo "SKIP: nm not found"; exit 77; }
status=0
# names the toolchain itself defines: the linker's section bounds, the sanitizers' instrumentation
toolchain='^(_init|_fini|_edata|_end|__bss_start|__(asan|odr_asan|ubsan|sancov|lsan)[_a-zA-Z0-9.]*)$'

bad=$(nm -D --defined-only "$so" | awk 'NF >= 3 { print $3 }' | grep -Ev "$toolchain" | grep -Ev '^cn_' | sort -u)
internal=$(nm -D --defined-only "$so" | awk 'NF >= 3 { print $3 }' | grep '^cn_i_' | sort -u)
if [ -n "$bad$internal" ]; then
    echo "FAIL: $so exports names outside the public cn_ interface:" $bad $internal
    status=1
fi
for want in cn_dataset_load cn_deps_run cn_set_warning_handler cn_strerror; do
    nm -D --defined-only "$so" | awk '{ print $3 }' | grep -qx "$want" || { echo "FAIL: $so does not export $want"; status=1; }
done

bad=$(nm -g --defined-only "$a" 2>/dev/null | awk 'NF >= 3 { print $3 }' | grep -Ev "$toolchain" | grep -Ev '^cn_' | sort -u)
if [ -n "$bad" ]; then
    echo "FAIL: $a defines global names without the cn_ prefix:" $bad
    status=1
fi
[ $status = 0 ] && echo "ok: $(nm -D --defined-only "$so" | grep -c ' T ') functions exported, all cn_"
exit $status
