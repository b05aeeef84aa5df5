# outputs echo the canonical ids whatever the user typed (issue 16): scenario and coalition resolve countries given
# as names or in any case (cli/resolve.c) and print the ISO3 code, with its name where the output has room for it.
. "$CN_SRC/tests/cli/lib.sh"

run coalition --allies can,australia --consumer usa
expect_rc 0
expect_out "^Alliance: CAN \(Canada\), AUS \(Australia\)$"
expect_out "^Consumer USA "
expect_err "--allies 'can' is CAN \(Canada\)"
run coalition --allies can,australia --format json
check "JSON allies are ISO3" [ "$(json_get 'd["allies"]')" = "['CAN', 'AUS']" ]
run coalition --allies can,XYZ
expect_rc 64
expect_err "unknown country 'XYZ' in the alliance"

run scenario --restrict china:Graphite --remove-country russia --consumer usa --format json
expect_rc 0
check "restrictions name CHN and RUS" [ "$(json_get '[(r["country"], r["mineral"]) for r in d["scenario"]["restrictions"]]')" = "[('CHN', 'graphite'), ('RUS', None)]" ]
check "rows for USA" [ "$(json_get 'sorted(set(r["consumer"] for r in d["rows"]))')" = "['USA']" ]
expect_err "--remove-country 'russia' is RUS"
run scenario --restrict china:graphite
expect_out "^Scenario: CHN restricts graphite by 100%"
run scenario --restrict aaa:bat:ore --cascade --data "$CN_SRC/tests/data/cascade_chain.json"
expect_rc 0
expect_out "AAA restricts bat:ore"
check "cascade: the shock names the id, not the typed 'aaa'" bash -c '! grep -q "aaa" <<<"$0"' "$OUT"
finish
