# critnet import --from usgs-mcs: the real 2024 release (datasets/usgs-mcs2024), and excerpts of real releases (tests/data/real/usgs, SOURCE.md there): the MCS 2022
# partial release (file names prefixed by commodity), the 2024 release (a country printed twice, titanium's forms),
# an edition whose list of critical minerals sits in T4 and whose salient table has no NIR column. Expected
# figures are read from the CSV files by Python's csv module here, or by hand (stated), never from critnet.
. "$CN_SRC/tests/cli/lib.sh"
R="$CN_SRC/tests/data/real/usgs"

# value FILE.json KIND COUNTRY MINERAL YEAR FIELD [FLAG]: a field of the edge (country "*world*" for world totals)
value() {
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
f, kind, country, mineral, year, field = sys.argv[1:7]
flag = sys.argv[7] if len(sys.argv) > 7 else None
d = json.load(open(f))
for e in d['edges']:
    if e['kind'] == kind and e['mineral'] == mineral and str(e.get('year', '')) == year and \
       (kind == 'relies' or e.get('country') == country) and (flag is None or e.get(flag)):
        print(e.get(field)); break
else:
    print('missing')
PY
}
# world CSV FILE TYPE-WORDS COUNTRY-PREFIX COLUMN: the sum of the cells of rows whose Type holds the words and
# whose Country starts with the prefix (Python's csv module on the release's own file)
world() {
  /usr/bin/python3 - "$@" <<'PY'
import csv, sys
f, words, prefix, col = sys.argv[1:5]
total = 0.0
for r in csv.DictReader(open(f, encoding='utf-8-sig', newline='')):
    if all(w in r['Type'].lower() for w in words.split()) and r['Country'].startswith(prefix):
        total += float(r[col].replace(',', ''))
print(total)
PY
}
# salient FILE COLUMN YEAR: a salient table's cell
salient() {
  /usr/bin/python3 - "$@" <<'PY'
import csv, sys
f, col, year = sys.argv[1:4]
print([r[col] for r in csv.DictReader(open(f, encoding='utf-8-sig', newline='')) if r['Year'] == year][0])
PY
}

run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024" -o "$T_TMP/us.json" --quiet
expect_rc 0
check "no stdout with -o" [ -z "$OUT" ]
check "--quiet hides warnings" [ -z "$ERR" ]
# the built-in dataset is the same importer's output on the same folder
run export --dataset us-mcs2024 -o "$T_TMP/builtin.json"
check "import == built-in us-mcs2024" cmp -s "$T_TMP/us.json" "$T_TMP/builtin.json"
run validate "$T_TMP/us.json"
expect_rc 0
# warnings name file:line of what is skipped
run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024" -o "$T_TMP/us2.json"
expect_rc 0
expect_err "^critnet: warning: .*mcs2024-cobal_salient.csv:1: no Commodity and Year columns"
expect_err "mcs2024-fluor_salient.csv:6: net import reliance '360' is above 100%"

# stdout, and values from the CSVs by hand (python's json module reads the output)
run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024" -q
expect_rc 0
# lithium 2023 (Prod_t_est_2023): Australia 86,000 of 180,000 t (T5 prints 48%)
check "lithium AUS share" near "$(json_get '[e["share"] for e in d["edges"] if e["kind"]=="produces" and e["mineral"]=="lithium" and e.get("country")=="AUS" and e["year"]==2023][0]')" 0.4777777778 1e-9
check "gallium first source JPN" [ "$(json_get '[e["country"] for e in d["edges"] if e["kind"]=="supplies" and e["mineral"]=="gallium" and e["rank"]==1][0]')" = JPN ]

# the broken releases (tests/bad/usgs, with tests/bad/usgs/EXPECTED) are driven by test_bad_inputs.sh

# usage
run import --from usgs-mcs
expect_rc 64
expect_err "expected one input DIR"
run import "$CN_SRC/datasets/usgs-mcs2024"
expect_rc 64
expect_err "expected --from FORMAT"
run import --from nope x
expect_rc 64
expect_err "unknown format"
run import --from usgs-mcs /nonexistent
expect_rc 66
expect_one_line_err
run import --from usgs-mcs "$CN_SRC/datasets/usgs-mcs2024/SOURCE.md"
expect_rc 66
expect_err "not a folder"
run import --help
expect_rc 0
expect_out "usgs-mcs"

# ---- MCS 2022: the partial release, files named <commodity>_mcs2022-<code>_<table>.csv, no trends tables ----
M22="$T_TMP/m22.json"
run import --from usgs-mcs "$R/mcs2022" -o "$M22"
expect_rc 0
check "2022: named us-mcs2022" [ "$(/usr/bin/python3 -c "import json; print(json.load(open('$M22'))['name'])")" = us-mcs2022 ]
# palladium and platinum, one file (plati), two ids: Russia's palladium 2021, South Africa's platinum 2021
P="$R/mcs2022/platinum_mcs2022-plati_world.csv"
pd_rus=$(world "$P" palladium Russia Prod_kg_Est_2021); pd_w=$(world "$P" palladium "World total" Prod_kg_Est_2021)
check "2022: pgm:palladium RUS 2021 share" near "$(value "$M22" produces RUS pgm:palladium 2021 share)" \
  "$(/usr/bin/python3 -c "print($pd_rus / $pd_w)")"
pt_zaf=$(world "$P" platinum "South Africa" Prod_kg_Est_2021); pt_w=$(world "$P" platinum "World total" Prod_kg_Est_2021)
check "2022: pgm:platinum ZAF 2021 share" near "$(value "$M22" produces ZAF pgm:platinum 2021 share)" \
  "$(/usr/bin/python3 -c "print($pt_zaf / $pt_w)")"
# each NIR column of the salient table is its form's (NIR_Palladium_pct, NIR_Platinum_pct)
S="$R/mcs2022/platinum_mcs2022-plati_salient.csv"
check "2022: pgm:platinum NIR 2021" near "$(value "$M22" relies USA pgm:platinum 2021 share)" \
  "$(/usr/bin/python3 -c "print($(salient "$S" NIR_Platinum_pct 2021) / 100)")"
check "2022: pgm:palladium NIR 2021" near "$(value "$M22" relies USA pgm:palladium 2021 share)" \
  "$(/usr/bin/python3 -c "print($(salient "$S" NIR_Palladium_pct 2021) / 100)")"
# germanium prints '>50%': a bound, text as published without the percent sign
G=$(salient "$R/mcs2022/germanium_mcs2022-germa_salient.csv" NIR_pct 2021)
check "2022: germanium cell is '>50%'" [ "$G" = ">50%" ]
check "2022: germanium NIR text >50" [ "$(value "$M22" relies USA germanium 2021 text)" = ">50" ]
check "2022: germanium NIR low .5" near "$(value "$M22" relies USA germanium 2021 low)" 0.5
# titanium mineral concentrates: the world total is printed "ilmentite and rutile", the U.S. row "Ilmenite and
# rutile": one series, titanium:concentrates (U.S. 100 of 9,000 kt in 2021)
T="$R/mcs2022/titanium_mcs2022-timin_world.csv"
us=$(world "$T" "ilmenite rutile" "United States" Prod_kt_Est_2021); wt=$(world "$T" "ilmentite rutile" "World total" Prod_kt_Est_2021)
check "2022: the world total's Type is misspelt" [ "$wt" != 0.0 ]
check "2022: titanium:concentrates USA 2021 share" near "$(value "$M22" produces USA titanium:concentrates 2021 share)" \
  "$(/usr/bin/python3 -c "print($us / $wt)")"
check "2022: titanium:concentrates NIR 2021" near "$(value "$M22" relies USA titanium:concentrates 2021 share)" \
  "$(/usr/bin/python3 -c "print($(salient "$R/mcs2022/titanium_mcs2022-timin_salient.csv" NIR_pct 2021) / 100)")"
# the lists are tagged in every edition: the 2022 list's 50 names are 37 ids (14 lanthanides -> rare_earths,
# by hand: 50 - 14 + 1), the 2018 list's 35 are 35; a release without the list table still has them
run deps --data "$M22" --list 2022 --format json
expect_rc 0
check "2022: --list 2022 has 37 ids" [ "$(json_get 'len(d["minerals"])')" = 37 ]
run deps --data "$M22" --list 2018 --format json
check "2022: --list 2018 has 35 ids" [ "$(json_get 'len(d["minerals"])')" = 35 ]

# ---- MCS 2024 excerpt: helium's U.S. printed twice; titanium's forms ----
M24="$T_TMP/m24.json"
run import --from usgs-mcs "$R/mcs2024" -o "$M24"
expect_rc 0
H="$R/mcs2024/world/mcs2024-heliu_world.csv"
us=$(world "$H" helium "United States" Prod_mcm_est_2023); wh=$(world "$H" helium "World total" Prod_mcm_est_2023)
check "2024: helium U.S. 2023 summed (60 + 19 by hand)" near "$(value "$M24" produces USA helium 2023 quantity)" 79
check "2024: helium U.S. 2023 summed (csv)" near "$(value "$M24" produces USA helium 2023 quantity)" "$us"
check "2024: helium U.S. share" near "$(value "$M24" produces USA helium 2023 share)" "$(/usr/bin/python3 -c "print($us / $wh)")"
expect_err "mcs2024-heliu_world\.csv:3: 'United States \(from Cliffside Field\)' has a second row for 'Mine production, helium' \(first at line 2\); figures summed"
# titanium: sponge (the headline, Fig2 >95), concentrates (Fig2 75; world: the ilmenite + rutile total),
# pigment (the salient table's NIR_Dioxide_pct)
check "2024: titanium:sponge NIR >95" [ "$(value "$M24" relies USA titanium:sponge 2023 text primary)" = ">95" ]
check "2024: titanium:concentrates NIR .75" near "$(value "$M24" relies USA titanium:concentrates 2023 share primary)" 0.75
TI="$R/mcs2024/world/mcs2024-timin_world.csv"
check "2024: titanium:concentrates world 2023" near "$(value "$M24" produces '*world*' titanium:concentrates 2023 quantity)" \
  "$(world "$TI" "ilmentite rutile" "World total" Prod_kt_est_2023)"
check "2024: the TiO2 NIR cell is E" [ "$(salient "$R/mcs2024/salient/mcs2024-titan_salient.csv" NIR_Dioxide_pct 2023)" = E ]
check "2024: titanium:pigment net exporter 2023" [ "$(value "$M24" relies USA titanium:pigment 2023 net_exporter)" = True ]
check "2024: aluminum:alumina NIR .59 (Fig2 ALUMINA)" near "$(value "$M24" relies USA aluminum:alumina 2023 share primary)" 0.59
check "2024: aluminum:metal NIR .44 (Fig2 ALUMINUM)" near "$(value "$M24" relies USA aluminum:metal 2023 share primary)" 0.44
check "2024: aluminum:bauxite (Fig2 BAUXITE >75)" [ "$(value "$M24" relies USA aluminum:bauxite 2023 text primary)" = ">75" ]
check "2024: pgm:palladium rank 1 RUS" [ "$(value "$M24" supplies RUS pgm:palladium '' rank)" = 1 ]

# ---- an edition whose list sits in T4 and whose salient table has no NIR column ----
MV="$T_TMP/moved.json"
run import --from usgs-mcs "$R/moved-list" -o "$MV"
expect_rc 0
check "moved: T4's 50 names are all on the 2022 list" [ "$(grep -c 'not on the 2022' <<<"$ERR")" = 0 ]
expect_err "1 mineral has world production but no net import reliance figures: diatomite"
run deps --data "$MV" --list 2022 --format json
check "moved: --list 2022 has 37 ids" [ "$(json_get 'len(d["minerals"])')" = 37 ]

# ---- --list on data without list tags says so (exit 65), never an empty table ----
run deps --data "$CN_SRC/tests/data/chains.json" --list 2022
expect_rc 65
expect_one_line_err "deps: --list 2022: no mineral of .*chains\.json is on that U\.S\. list"

# ---- NIR text as published: "Less than ½ unit." prints "Less than ½ unit" (no period, no percent sign) ----
mkdir -p "$T_TMP/half/salient"
printf 'DataSource,Commodity,Year,NIR_pct\nMCS2030,Tin,2029,Less than \xc2\xbd unit.\n' >"$T_TMP/half/salient/mcs2030-tin_salient.csv"
run import --from usgs-mcs "$T_TMP/half" -o "$T_TMP/half.json"
expect_rc 0
run deps --data "$T_TMP/half.json" --list all
expect_out '^tin +Less than ½ unit +'
check "no '.%' after the text" [ "$(grep -c 'unit\.%\|unit%' <<<"$OUT")" = 0 ]
finish
