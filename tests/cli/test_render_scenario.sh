# critnet render with a scenario: lost flows dashed dark red, replacements green, the impact on the
# mineral -> consumer edge. Every label is compared with `critnet scenario --format json` for the same
# options by tests/oracles/render_scn_oracle.py (python's json module + Graphviz's own parse of our DOT,
# `dot -Tjson0`), and the headline figures are worked out by hand below.
. "$CN_SRC/tests/cli/lib.sh"
D=$CN_SRC/tests/data
cd "$T_TMP" || exit 1
LOST='#8b0000'
REPL='#1e8449'

# oracle ARGS...: runs scenario (JSON) and render (DOT) with the same options; compares them
oracle() {
  "$CRITNET" scenario "$@" --format json >s.json &&
    "$CRITNET" render "$@" -o g.dot &&
    dot -Tjson0 g.dot >g.json &&
    /usr/bin/python3 "$CN_SRC/tests/oracles/render_scn_oracle.py" s.json g.json
}
# edge TAIL HEAD KEY: the attribute KEY of every TAIL -> HEAD edge of g.json, one a line, in order
edge() {
  /usr/bin/python3 -c "
import json, sys
g = json.load(open('g.json')); n = {o['_gvid']: o['name'] for o in g['objects']}
for e in g['edges']:
    if n[e['tail']] == sys.argv[1] and n[e['head']] == sys.argv[2]: print(e[sys.argv[3]])" "$@"
}

# has LINE TAIL HEAD KEY: one of those edges has KEY = LINE; hasnt: none has
has() { grep -Fx -- "$1" <(edge "$2" "$3" "$4") >/dev/null; }
hasnt() { ! has "$@"; }
# colours COLOUR: how many edges of g.json have that colour
colours() { /usr/bin/python3 -c "import json,sys; print(sum(e['color']==sys.argv[1] for e in json.load(open('g.json'))['edges']))" "$1"; }

run render --help
expect_out '--restrict C:M'

# graphite, us-mcs2020: CHN 33% of U.S. imports, NIR 100%; CHN withholds all:
# lost = 1.00 x 0.33 = 0.33 of supply. No world production data for graphite: replacement unknown.
check "graphite: oracle" oracle --dataset us-mcs2020 --restrict CHN:graphite
check "graphite: CHN edge label" [ "$(edge country:CHN mineral:graphite label)" = "-33% lost" ]
check "graphite: CHN edge dark red" [ "$(edge country:CHN mineral:graphite color)" = "$LOST" ]
check "graphite: CHN edge dashed" [ "$(edge country:CHN mineral:graphite style)" = dashed ]
check "graphite: CHN has no remaining edge" [ "$(edge country:CHN mineral:graphite label | wc -l)" -eq 1 ]
check "graphite: MEX 24% stays" [ "$(edge country:MEX mineral:graphite label)" = "24%" ]
check "graphite: impact label" [ "$(edge mineral:graphite consumer:USA label)" = \
  "NIR 100%<BR/>lost: 33% of supply<BR/>replaced: unknown<BR/>shortfall: unknown" ]
check "graphite: no replacement edge" [ "$(colours "$REPL")" -eq 0 ]
check "graphite: one lost edge" [ "$(colours "$LOST")" -eq 1 ]
check "graphite: title names the restriction" grep -q "CHN restricts graphite exports by 100%" g.dot
check "graphite: legend has the lost style" grep -q 'BGCOLOR="#8b0000"' g.dot
check "graphite: legend has the replacement style" grep -q 'BGCOLOR="#1e8449"' g.dot

# uranium, us-mcs2020, spare 10%: RUS 16% of U.S. purchases, no NIR (supply figures unknown).
# Listed 2019 producers (t U, tests/cli/test_scenario.sh): total 54568, RUS 2911, KAZ 22808.
# coverage = min(1, .1 x (54568-2911)/2911) = min(1, 1.77) = 1 -> covered .16 of imports;
# KAZ replaces .16 x 22808/51657 = .0706 -> "+7.1% replacement"; shortfall 0.
check "uranium: oracle" oracle --dataset us-mcs2020 --restrict RUS:uranium --spare 0.1
check "uranium: RUS lost 16%" [ "$(edge country:RUS mineral:uranium label)" = "-16% lost" ]
check "uranium: KAZ keeps 22% and replaces 7.1%" [ "$(edge country:KAZ mineral:uranium label | sort | tr '\n' ,)" = \
  "+7.1% replacement,22%," ]
check "uranium: KAZ replacement green" has "$REPL" country:KAZ mineral:uranium color
check "uranium: impact label" [ "$(edge mineral:uranium consumer:USA label)" = \
  "NIR: no data<BR/>lost: 16% of imports (supply unknown)<BR/>replaced: 16% of imports (supply unknown)<BR/>shortfall: 0% of imports (supply unknown)" ]
check "uranium: RUS replaces nothing" hasnt "$REPL" country:RUS mineral:uranium color

# rank-only sources (us-mcs2024): CHN is rank 1 with no share: the loss stays unknown
check "rank-only: oracle" oracle --dataset us-mcs2024 --restrict CHN:graphite
check "rank-only: CHN lost unknown" [ "$(edge country:CHN mineral:graphite label)" = "lost: share unknown (rank 1)" ]
check "rank-only: impact unknown" grep -q "<BR/>lost: unknown<BR/>" g.dot

# a partial restriction and two consumers (tests/data/scenario_small.json, tests/cli/test_scenario.sh):
# CHN withholds 50% of ree: USA's CHN flow .8 -> lost .4 and .4 remaining; labels name the consumer
check "partial: oracle" oracle --data "$D/scenario_small.json" --restrict CHN:ree=0.5 --spare 0.5
check "partial: USA CHN lost .4" has "USA -40% lost" country:CHN mineral:ree label
check "partial: USA CHN remaining .4" has "USA 40%" country:CHN mineral:ree label
# AUS replaces for USA .1 x .1/.15 = .0667; BRA (not a supplier) .1 x .05/.15 = .0333
check "partial: AUS replaces 6.7% for USA" has "USA +6.7% replacement" country:AUS mineral:ree label
check "partial: BRA replaces 3.3% for USA" has "USA +3.3% replacement" country:BRA mineral:ree label
check "scenario file: oracle" oracle --data "$D/scenario_small.json" --scenario "$D/scenario_ree.json"
check "remove-country: oracle" oracle --dataset us-mcs2020 --remove-country CHN
check "remove-country, rank-only: oracle" oracle --dataset us-mcs2024 --remove-country CHN

# SVG well-formed; deterministic
run render --dataset us-mcs2020 --restrict RUS:uranium --spare 0.1 -o u.svg
expect_rc 0
check "scenario SVG well-formed" xmllint --noout u.svg
"$CRITNET" render --dataset us-mcs2020 --restrict RUS:uranium --spare 0.1 -o u2.svg
check "scenario SVG deterministic" cmp -s u.svg u2.svg

# bad input: exit 64, one line, nothing written
for bad in "--restrict XXX:graphite" "--restrict CHN:nosuch" "--restrict CHN:graphite=2" "--restrict CHN" \
           "--spare 0.5" "--restrict CHN:graphite --layer production" "--restrict CHN:graphite --country CHN"; do
  # shellcheck disable=SC2086
  run render --dataset us-mcs2020 $bad -o bad.svg
  expect_rc 64
  expect_one_line_err
  check "nothing written for $bad" [ ! -e bad.svg ]
done
run render --dataset us-mcs2020 --scenario nonexistent.json -o bad.svg
expect_rc 66
check "nothing written for a missing scenario file" [ ! -e bad.svg ]
finish
