# critnet deps --with-risk: the EU supply risk as a column. The value is the worked example of
# ../shared/METHODS-risk.md §1 through deps: GS = {CHN .6 (WGI -0.5 -> 6.0), AUS .4 (1.5 -> 2.0)}; sourcing =
# {FRA domestic .5 (1.0 -> 3.0), CHN .5}; HHI_WGI(GS) = 2.48, HHI_WGI(sourcing) = 2.25;
# SR = (2.48*.25 + 2.25*.75) * .9 * .95 = 1.9729125 >= 1, so marked.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/risk"

run deps --data "$D/example.json" --consumer FRA --with-risk --wgi "$D/wgi.csv" --params "$D/params.csv" --format json
expect_rc 0
check "SR worked example" near "$(json_get 'd["minerals"][0]["supply_risk"]')" 1.9729125 1e-12
check "SR >= 1 marked" [ "$(json_get 'd["minerals"][0]["supply_risk_over_threshold"]')" = True ]
check "threshold 1" near "$(json_get 'd["supply_risk_threshold"]')" 1
run deps --data "$D/example.json" --consumer FRA --with-risk --wgi "$D/wgi.csv" --params "$D/params.csv"
expect_out 'top share at or above threshold +1\.97 +SR>=1'

run deps --data "$D/example.json" --consumer FRA --with-risk --wgi "$D/wgi.csv" --params "$D/params.csv" --format csv
expect_out '^mineral,.*,concentrated_supply,supply_risk,supply_risk_over_threshold'
expect_out '^examplium,.*,1\.9729,1'

# without --with-risk, no risk column and no risk key (the plain output is unchanged)
run deps --data "$D/example.json" --consumer FRA --format json
check "no supply_risk key" [ "$(json_get '"supply_risk" in d["minerals"][0]')" = False ]

# built-in inputs: a mineral the EU does not assess says no data, never a guess (titanium sponge has no row in
# the EU CRM 2023 parameters); the figure is the one `critnet risk` gives for the same consumer
run deps --with-risk --list all --format json
expect_rc 0
check "titanium:sponge SR no data" [ "$(json_get '[m for m in d["minerals"] if m["mineral"]=="titanium:sponge"][0]["supply_risk"]')" = None ]
nb=$(json_get '[m for m in d["minerals"] if m["mineral"]=="niobium"][0]["supply_risk"]')
run risk --format json
check "niobium SR as critnet risk" near "$nb" "$(json_get '[m for m in d["minerals"] if m["mineral"]=="niobium"][0]["risk"]')" 1e-12

# usage
run deps --wgi "$D/wgi.csv"
expect_rc 64
run deps --supplier CHN --with-risk
expect_rc 64
finish
