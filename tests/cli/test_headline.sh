# The headline rules (docs/format.md "Headline figures", graph/headline.c): concentration, deps, scenario and
# render cite the same production year, import group and reliance figure of a mineral that has several.
# Fixture tests/data/headline.json; every expected value below is read off the fixture by hand:
#
# widget, production: 2021 has a world total (100 t) and shares (AAA .6, BBB .3); 2022 has shares only
#   (AAA .25, BBB .5); 2023 lists CCC withheld (no figure). No edge is primary. The latest year with usable
#   figures (a world total or a known share) is 2022: top producer BBB .5, then AAA .25; CCC is not in it.
#   (The rules this replaced picked 2022 for concentration, 2021 for render and 2023 for scenario.)
# widget, imports of USA: two groups, none primary; the first edge in data order is CCC .55 of "2017-20",
#   so the group is {CCC .55, BBB .45}: top CCC .55. The "2019-22" group (AAA .8, BBB .2) is not cited.
# widget, reliance of USA: years 2021 (.9), 2022 (.7), 2020 (.8), none primary: the latest, 2022, .7.
# gadget, production: the primary edges (2020: AAA .7, BBB .2) over the later 2021 (BBB .9): top AAA .7.
# gadget, imports: the primary group (basis "ores": BBB .9, CCC .1), not the first edge (AAA .6, "all
#   forms"): top BBB .9. Reliance: the primary edge (2019, .4), not the latest (2023, .5).
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/headline.json"
row() { echo "[r for r in d['$1'] if r['mineral']=='$2'][0]"; }

# ---- concentration: production year and top producer; imports period and top source
run concentration --data "$D" --layer production --format json
expect_rc 0
check "concentration widget year 2022" [ "$(json_get "$(row minerals widget)['year']")" = 2022 ]
check "concentration widget top BBB" [ "$(json_get "$(row minerals widget)['top']")" = BBB ]
check "concentration widget top share .5" near "$(json_get "$(row minerals widget)['top_share']")" 0.5
check "concentration widget lists AAA, BBB only" [ "$(json_get "$(row minerals widget)['listed']")" = 2 ]
check "concentration gadget year 2020 (primary)" [ "$(json_get "$(row minerals gadget)['year']")" = 2020 ]
check "concentration gadget top AAA" [ "$(json_get "$(row minerals gadget)['top']")" = AAA ]
check "concentration gadget top share .7" near "$(json_get "$(row minerals gadget)['top_share']")" 0.7
# an explicit year overrides the rule
run concentration --data "$D" --layer production --year 2021 --format json
expect_rc 0
check "concentration --year 2021 widget year" [ "$(json_get "$(row minerals widget)['year']")" = 2021 ]
check "concentration --year 2021 widget top AAA" [ "$(json_get "$(row minerals widget)['top']")" = AAA ]
check "concentration --year 2021 widget world total" near "$(json_get "$(row minerals widget)['total']")" 100
check "concentration --year 2021 gadget BBB (only figure)" [ "$(json_get "$(row minerals gadget)['top']")" = BBB ]
run concentration --data "$D" --layer imports --format json
expect_rc 0
check "concentration imports widget period" [ "$(json_get "$(row minerals widget)['period']")" = 2017-20 ]
check "concentration imports widget top CCC" [ "$(json_get "$(row minerals widget)['top']")" = CCC ]
check "concentration imports widget top share" near "$(json_get "$(row minerals widget)['top_share']")" 0.55
check "concentration imports gadget top BBB" [ "$(json_get "$(row minerals gadget)['top']")" = BBB ]
check "concentration imports gadget top share" near "$(json_get "$(row minerals gadget)['top_share']")" 0.9

# ---- deps: the same production year and producer, import group and reliance
run deps --data "$D" --format json
expect_rc 0
w=$(row minerals widget) g=$(row minerals gadget)
check "deps widget production year 2022" [ "$(json_get "$w['production_year']")" = 2022 ]
check "deps widget top producer BBB" [ "$(json_get "$w['top_producer']")" = BBB ]
check "deps widget producer share .5" near "$(json_get "$w['top_producer_share']")" 0.5
check "deps widget period 2017-20" [ "$(json_get "$w['period']")" = 2017-20 ]
check "deps widget top supplier CCC" [ "$(json_get "$w['top_supplier']")" = CCC ]
check "deps widget top share .55" near "$(json_get "$w['top_share']")" 0.55
check "deps widget two sources" [ "$(json_get "$w['sources']")" = 2 ]
check "deps widget NIR .7" near "$(json_get "$w['nir']")" 0.7
check "deps widget NIR year 2022" [ "$(json_get "$w['nir_year']")" = 2022 ]
check "deps gadget production year 2020" [ "$(json_get "$g['production_year']")" = 2020 ]
check "deps gadget top producer AAA" [ "$(json_get "$g['top_producer']")" = AAA ]
check "deps gadget top supplier BBB" [ "$(json_get "$g['top_supplier']")" = BBB ]
check "deps gadget basis ores" [ "$(json_get "$g['basis']")" = ores ]
check "deps gadget NIR .4 (primary)" near "$(json_get "$g['nir']")" 0.4
check "deps gadget NIR year 2019" [ "$(json_get "$g['nir_year']")" = 2019 ]

# ---- scenario: the same year, world shares, import group and reliance
run scenario --data "$D" --restrict BBB:widget --format json
expect_rc 0
r="d['rows'][0]"
flow() { echo "[f for f in $r['flows'] if f['country']=='$1'][0]"; }
check "scenario widget production year 2022" [ "$(json_get "$r['production_year']")" = 2022 ]
check "scenario widget NIR .7" near "$(json_get "$r['nir']")" 0.7
# BBB withholds its 2022 share .5 of world production; the import group's BBB share .45 is lost
check "scenario widget withheld .5" near "$(json_get "$r['world_withheld']")" 0.5
check "scenario widget BBB world share .5" near "$(json_get "$(flow BBB)['world_share']")" 0.5
check "scenario widget AAA world share .25" near "$(json_get "$(flow AAA)['world_share']")" 0.25
check "scenario widget lost imports .45" near "$(json_get "$r['lost_imports']")" 0.45
check "scenario widget suppliers CCC, BBB" [ "$(json_get "sorted(f['country'] for f in $r['flows'] if f['supplier'])")" = "['BBB', 'CCC']" ]
check "scenario widget CCC share .55" near "$(json_get "$(flow CCC)['share']")" 0.55
check "scenario widget AAA not a supplier" [ "$(json_get "$(flow AAA)['supplier']")" = False ]
run scenario --data "$D" --restrict AAA:gadget --format json
expect_rc 0
check "scenario gadget production year 2020" [ "$(json_get "$r['production_year']")" = 2020 ]
check "scenario gadget withheld .7 (AAA, primary 2020)" near "$(json_get "$r['world_withheld']")" 0.7
check "scenario gadget BBB world share .2" near "$(json_get "$(flow BBB)['world_share']")" 0.2
check "scenario gadget NIR .4" near "$(json_get "$r['nir']")" 0.4
check "scenario gadget suppliers BBB, CCC" [ "$(json_get "sorted(f['country'] for f in $r['flows'] if f['supplier'])")" = "['BBB', 'CCC']" ]

# ---- render: the DOT's edges are the same groups; the title names the years
run render --data "$D" --layer production -o "$T_TMP/p.dot"
expect_rc 0
dot=$(cat "$T_TMP/p.dot")
# "country:X" -> "mineral:M" [attributes...]; print X M LABEL RED for each edge
edges() {
  /usr/bin/python3 -c '
import re, sys
for m in re.finditer(r"\"country:(\w+)\" -> \"(mineral|consumer):(\w+)\"\s*\[([^\]]*)\]", sys.stdin.read()):
    label = re.search(r"label=<([^>]*)>", m.group(4))
    print(m.group(1), m.group(3), label.group(1) if label else "-", "red" if "c0392b" in m.group(4) else "-")
' <<<"$1" | sort
}
check "render production title years 2020, 2022" grep -q "Figures: production 2020, 2022" <<<"$dot"
check "render production edges" [ "$(edges "$dot")" = "$(printf '%s\n' 'AAA gadget 70% red' 'AAA widget 25% -' \
  'BBB gadget 20% -' 'BBB widget 50% red')" ]
run render --data "$D" -o "$T_TMP/i.dot"
expect_rc 0
dot=$(cat "$T_TMP/i.dot")
check "render imports edges" [ "$(edges "$dot")" = "$(printf '%s\n' 'BBB gadget 90% red' 'BBB widget 45% -' \
  'CCC gadget 10% -' 'CCC widget 55% red')" ]
# the relies edges carry the headline reliance
check "render imports widget reliance 70%" grep -Eq '"mineral:widget" -> "consumer:USA".*label=<[^>]*70%' <<<"$(tr -d '\n\t' <<<"$dot" | sed 's/;/;\n/g')"
check "render imports gadget reliance 40%" grep -Eq '"mineral:gadget" -> "consumer:USA".*label=<[^>]*40%' <<<"$(tr -d '\n\t' <<<"$dot" | sed 's/;/;\n/g')"
finish
