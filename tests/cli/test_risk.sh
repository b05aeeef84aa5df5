# critnet risk: the worked example of ../shared/METHODS-risk.md §1 (SR = 1.9729125, worked by hand there) through
# the CLI from tests/data/risk/ (a four-edge network, WGI and parameter files), the other methods and input forms
# by hand, missing inputs, bad inputs, and the built-in EU CRM 2023 / WGI tables read against the source CSVs.
. "$CN_SRC/tests/cli/lib.sh"
D="$CN_SRC/tests/data/risk"
row='d["minerals"][0]'

# §1: GS = {CHN .6 (WGI -0.5 -> 6.0), AUS .4 (1.5 -> 2.0)}; sourcing = {FRA domestic .5 (1.0 -> 3.0), CHN .5};
# HHI_WGI(GS) = .36*6 + .16*2 = 2.48; HHI_WGI(sourcing) = .25*3 + .25*6 = 2.25;
# SR = (2.48*.25 + 2.25*.75) * .9 * .95 = 1.9729125
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params.csv" --format json
expect_rc 0
check "SR worked example" near "$(json_get "$row['risk']")" 1.9729125 1e-12
check "HHI_WGI GS" near "$(json_get "$row['hhi_wgi_gs']")" 2.48 1e-12
check "HHI_WGI sourcing" near "$(json_get "$row['hhi_wgi_sourcing']")" 2.25 1e-12
check "consumer is the dataset's (FRA)" [ "$(json_get "d['consumer']")" = FRA ]
check "IR from params" [ "$(json_get "$row['ir_from']")" = params ]
check "SR >= 1 marked" [ "$(json_get "$row['over_threshold']")" = True ]
check "stage" [ "$(json_get "$row['stage']")" = extraction ]
check "WGI year = production year" [ "$(json_get "$row['wgi_year']")" = 2022 ]
check "sources named" [ "$(json_get "d['wgi_source']")" = "$D/wgi.csv" ]
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params.csv"
expect_out 'examplium +1\.9729 +SR>=1'
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params.csv" --threshold 2
expect_rc 0
check "no mark under --threshold 2" bash -c "! grep -q 'SR>=' <<<\"\$0\"" "$OUT"

# the same from the six indicator columns (means -0.5, 1.5, 1.0 by hand) and the parameters in percent
run risk --data "$D/example.json" --wgi "$D/wgi_six.csv" --params "$D/params_pct.csv" --format json
# ... with China's trade parameter t = 1.5 on world supply: HHI_WGI(GS) = .36*6*1.5 + .16*2 = 3.56;
# SR = (3.56*.25 + 2.25*.75) * .855 = 2.2037625
check "six columns, percents, t" near "$(json_get "$row['risk']")" 2.2037625 1e-12
check "t on GS only" near "$(json_get "$row['hhi_wgi_sourcing']")" 2.25 1e-12

# IR from the dataset's net import reliance (0.5) when the parameters give none: the same SR
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params_noir.csv" --format json
check "IR from the dataset" [ "$(json_get "$row['ir_from']")" = dataset ]
check "same SR" near "$(json_get "$row['risk']")" 1.9729125 1e-12
# a consumer without reliance or imports: the world-supply term alone, 2.48 * .9 * .95 = 2.1204, and said so
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params_noir.csv" --consumer AUS --format json
check "GS alone" near "$(json_get "$row['risk']")" 2.1204 1e-12
check "GS alone said" [ "$(json_get "$row['note']")" = "global supply term alone: no import reliance" ]
# a missing SI_SR: no data, never a default
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params_nosi.csv" --format json
check "no SI_SR: null" [ "$(json_get "$row['risk']")" = None ]
check "no SI_SR: said" [ "$(json_get "$row['note']")" = "parameters incomplete (EoL_RIR or SI_SR missing)" ]
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params_nosi.csv"
expect_out 'examplium +no data'
# the built-in EU parameters do not know examplium
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --format json
check "no parameters" [ "$(json_get "$row['note']")" = "no parameters for this mineral" ]
# --wgi-year 2021: only CHN has a figure (mean 2.5 -> 0); AUS (.4 of world supply) and FRA (.5 of sourcing) left out
run risk --data "$D/example.json" --wgi "$D/wgi_six.csv" --params "$D/params.csv" --wgi-year 2021 --format json
check "share without WGI (GS)" near "$(json_get "$row['gs_share_without_wgi']")" 0.4 1e-12
check "share without WGI (sourcing)" near "$(json_get "$row['sourcing_share_without_wgi']")" 0.5 1e-12
check "SR 0 with CHN at 0" near "$(json_get "$row['risk']")" 0 1e-12

# GeoPolRisk = HHI * IR * sum g_i s_i = (.36 + .16) * .5 * (6.0/10 * 1.0) = 0.156
run risk --method geopolrisk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/params.csv" --format json
check "GeoPolRisk" near "$(json_get "$row['risk']")" 0.156 1e-12
check "HHI" near "$(json_get "$row['hhi']")" 0.52 1e-12
# hhi-wgi = HHI_WGI,t(GS) = 2.48
run risk --method hhi-wgi --data "$D/example.json" --wgi "$D/wgi.csv" --format csv
expect_rc 0
check "hhi-wgi CSV" near "$(sed -n 2p <<<"$OUT" | cut -d, -f2)" 2.48 1e-12

# bad input: one line naming file and line; usage errors
run risk --data "$D/example.json" --wgi "$D/bad_wgi.csv"
expect_rc 65
expect_err "bad_wgi.csv:3: column 'year': expected a number, got '20x2'"
expect_one_line_err
run risk --data "$D/example.json" --wgi "$D/wgi.csv" --params "$D/bad_params.csv"
expect_rc 65
expect_err "bad_params.csv:2: column 'ir': expected a fraction in \[0,1\], got '1.5'"
run risk --wgi "$D/nonexistent.csv"
expect_rc 66
run risk --method bogus
expect_rc 64
run risk --consumer XXX
expect_rc 64

# built-in inputs on the default dataset: gallium (EU: processing, EoL_RIR 0 %, SI_SR 0.98) and the WGI year 2023
run risk --mineral gallium --format json
expect_rc 0
want=$(/usr/bin/python3 -c "
import csv,sys
for r in csv.DictReader(open(sys.argv[1])):
    if r['material']=='Gallium': print(float(r['eol_rir_pct'])/100, r['si_sr'])" "$CN_SRC/datasets/eu-crm-2023/parameters.csv")
check "gallium EoL_RIR" near "$(json_get "$row['eol_rir']")" "${want% *}" 1e-12
check "gallium SI_SR" near "$(json_get "$row['si_sr']")" "${want#* }" 1e-12
check "gallium stage" [ "$(json_get "$row['stage']")" = processing ]
# HHI_WGI,t(GS) of gallium, antimony (EU t: China 1.1, Bolivia 1.1 ...) and cobalt (DR Congo), recomputed from
# the definition by tests/oracles/risk_oracle.py on the exported network and the WGI and EU CSVs
run export -o "$T_TMP/net.json"
for m in gallium:Gallium:processing antimony:Antimony:extraction cobalt:Cobalt:extraction; do
  IFS=: read -r id mat stage <<<"$m"
  run risk --mineral "$id" --method hhi-wgi --format json
  y=$(json_get "$row['production_year']")
  wy=$(json_get "$row['wgi_year']")
  read -r hw miss < <(/usr/bin/python3 "$CN_SRC/tests/oracles/risk_oracle.py" "$T_TMP/net.json" "$id" "$y" \
    "$CN_SRC/datasets/wgi/wgi_mean6_2010_2023.csv" "$CN_SRC/datasets/eu-crm-2023/trade_parameters.csv" "$mat" "$stage" "$wy")
  check "$id HHI_WGI,t(GS) vs oracle" near "$(json_get "$row['hhi_wgi_gs']")" "$hw" 1e-9
  check "$id share without WGI vs oracle" near "$(json_get "$row['gs_share_without_wgi']")" "$miss" 1e-9
done
# rare earths: the EU assesses no single rare-earth row: no parameters
run risk --mineral rare_earths --format json
check "rare earths: no parameters" [ "$(json_get "$row['note']")" = "no parameters for this mineral" ]
finish
