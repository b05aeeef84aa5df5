# scenario --restrict C:M takes the mineral in any case (the one resolver, cli/resolve.c), echoes the canonical
# id, and suggests on a miss; the result is the same scenario as with the canonical id.
. "$CN_SRC/tests/cli/lib.sh"

run scenario --dataset us-mcs2020 --restrict CHN:graphite --format json
expect_rc 0
want=$OUT
run scenario --dataset us-mcs2020 --restrict CHN:GRAPHITE --format json
expect_rc 0
expect_err "--restrict 'GRAPHITE' is graphite"
check "same result as the canonical id" [ "$OUT" = "$want" ]
run scenario --dataset us-mcs2020 --restrict CHN:grafite
expect_rc 64
expect_err "not a mineral of this network; did you mean 'graphite'"
finish
