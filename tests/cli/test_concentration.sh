# critnet concentration on the us-mcs2024 dataset (--dataset: the default is us-latest), checked against tests/oracles/usgs_oracle.py (Python's
# csv module on the raw CSVs), and by hand for rare earths; deps on us-mcs2024 (world-production rule).
. "$CN_SRC/tests/cli/lib.sh"
W="$CN_SRC/datasets/usgs-mcs2024/world"

# mineral id, world file, Type filter (for files with several series)
cases="rare_earths:mcs2024-raree_world.csv:
cobalt:mcs2024-cobal_world.csv:
lithium:mcs2024-lithi_world.csv:
gallium:mcs2024-galli_world.csv:
graphite:mcs2024-graph_world.csv:
bismuth:MCS2024-bismu_world.csv:
pgm:palladium:mcs2024-plati_world.csv:palladium
pgm:platinum:mcs2024-plati_world.csv:platinum
copper:refinery:mcs2024-coppe_world.csv:refinery
aluminum:bauxite:mcs2024-bauxi_world.csv:bauxite"
run concentration --dataset us-mcs2024 --format json
expect_rc 0
while IFS= read -r line; do
  filter=${line##*:}; rest=${line%:*}; file=${rest##*:}; id=${rest%:*}
  read -r top cr3 hhi eff < <(/usr/bin/python3 "$CN_SRC/tests/oracles/usgs_oracle.py" "$W/$file" "$filter")
  row="[m for m in d['minerals'] if m['mineral']=='$id'][0]"
  check "$id top share" near "$(json_get "$row['top_share']")" "$top" 1e-9
  check "$id CR3" near "$(json_get "$row['cr3']")" "$cr3" 1e-9
  check "$id HHI" near "$(json_get "$row['hhi']")" "$hhi" 1e-9
  check "$id effective" near "$(json_get "$row['effective']")" "$eff" 1e-6
done <<<"$cases"

# USGS's own T5 table: leading producer and its percent of world production, 27 critical minerals
run concentration --dataset us-mcs2024 --format json
check "T5 leaders and percents agree (27 rows)" [ "$(/usr/bin/python3 "$CN_SRC/tests/oracles/usgs_t5_check.py" \
  "$CN_SRC/datasets/usgs-mcs2024/trends/MCS2024_T5_Critical_Minerals_Salient.csv" <<<"$OUT")" = 27 ]

# rare earths 2023 by hand (thousand t): China 240 of 350 = .685714; CR3 (240+43+38)/350 = .917143;
# HHI (240^2+43^2+38^2+18^2+7.1^2+2.9^2+2.6^2+.96^2+.6^2+.08^2+.08^2)/350^2 = 61283.8744/122500 = .5002765257
run concentration --dataset us-mcs2024 --mineral rare_earths --format json
row='d["minerals"][0]'
check "rare earths top CHN" [ "$(json_get "$row['top']")" = CHN ]
check "rare earths share" near "$(json_get "$row['top_share']")" 0.6857142857 1e-9
check "rare earths CR3" near "$(json_get "$row['cr3']")" 0.9171428571 1e-9
check "rare earths HHI" near "$(json_get "$row['hhi']")" 0.5002765257 1e-9
check "rare earths year 2023" [ "$(json_get "$row['year']")" = 2023 ]
check "rare earths world 350000 t" [ "$(json_get "($row['total'], $row['unit'])")" = "(350000, 't')" ]
# 2022: China 210 of 300
run concentration --dataset us-mcs2024 --mineral rare_earths --year 2022 --format json
check "rare earths 2022 share .7" near "$(json_get 'd["minerals"][0]["top_share"]')" 0.7 1e-12
# --mineral takes the stages too; table and CSV
run concentration --dataset us-mcs2024 --mineral copper
expect_out '^copper:refinery +2023 +16 +CHN +44\.4%'
expect_out '^copper +2023 +16 +CHL +22\.7%'
run concentration --dataset us-mcs2024 --format csv --mineral cobalt
expect_out '^mineral,year,period,listed,share_unknown,top,top_rank,top_share,cr3,hhi'
expect_out '^cobalt,2023,,12,0,COD,,0\.7391,'
# imports layer: ranks only in the 2024 release -> share unknown, top = rank 1
run concentration --dataset us-mcs2024 --layer imports --mineral rare_earths --format json
check "imports top CHN rank 1" [ "$(json_get '(d["minerals"][0]["top"], d["minerals"][0]["top_rank"])')" = "('CHN', 1)" ]
check "imports share unknown" [ "$(json_get 'd["minerals"][0]["top_share"]')" = None ]
check "imports 4 listed, 4 unknown" [ "$(json_get '(d["minerals"][0]["listed"], d["minerals"][0]["share_unknown"])')" = "(4, 4)" ]
# imports with shares (us-mcs2020, graphite 2015-18: .33 .24 .16 .09 -> HHI .2002)
run concentration --layer imports --dataset us-mcs2020 --mineral graphite --format json
check "2020 graphite HHI" near "$(json_get 'd["minerals"][0]["hhi"]')" 0.2002 1e-9
# usage
run concentration --dataset us-mcs2024 --layer bogus
expect_rc 64
run concentration --dataset us-mcs2024 --mineral unobtainium
expect_rc 64
expect_err "--mineral 'unobtainium' is not a mineral of this network"
run concentration --dataset us-mcs2024 --layer imports --year 2023
expect_rc 64
run concentration --dataset us-mcs2024 --year 20x3
expect_rc 64

# deps on us-mcs2024: NIR, rank-1 source, world production, and the two flags:
# SINGLE-SOURCE from import evidence only, CONCENTRATED-SUPPLY from world production (--supply-threshold)
run deps --dataset us-mcs2024 --format json
expect_rc 0
check "dataset is us-mcs2024" [ "$(json_get 'd["dataset"]')" = us-mcs2024 ]
check "35 minerals of the 2018 list" [ "$(json_get 'len(d["minerals"])')" = 35 ]
row='[m for m in d["minerals"] if m["mineral"]=="rare_earths"][0]'
check "rare earths NIR >95" [ "$(json_get "$row['nir_text']")" = ">95" ]
check "rare earths first source CHN" [ "$(json_get "$row['top_supplier']")" = CHN ]
check "rare earths import share unknown" [ "$(json_get "$row['top_share']")" = None ]
check "rare earths top producer CHN .6857" near "$(json_get "$row['top_producer_share']")" 0.6857142857 1e-9
check "rare earths not single-source: import shares unknown" [ "$(json_get "$row['single_source']")" = False ]
check "rare earths concentrated supply (CHN .69 >= .5)" [ "$(json_get "$row['concentrated_supply']")" = True ]
check "rare earths severity .95*.6857" near "$(json_get "$row['severity']")" 0.6514285714 1e-9
check "severity basis" [ "$(json_get "$row['severity_basis']")" = "world production" ]
# lithium: Australia holds 47.8% of world output (< .5): neither flag
row='[m for m in d["minerals"] if m["mineral"]=="lithium"][0]'
check "lithium not flagged" [ "$(json_get "$row['single_source']")" = False ]
check "lithium not concentrated" [ "$(json_get "$row['concentrated_supply']")" = False ]
# zirconium: NIR <25 -> bound 0: never flagged; Australia 500 of 1,600 kt (T5: 31%)
row='[m for m in d["minerals"] if m["mineral"]=="zirconium"][0]'
check "zirconium top producer AUS" [ "$(json_get "$row['top_producer']")" = AUS ]
check "zirconium not flagged" [ "$(json_get "$row['single_source']")" = False ]
# cobalt: top import source Norway, share unknown: not single-source; Congo 74% of world production >= .5
# -> concentrated supply; at --supply-threshold .8 not (and --threshold does not move it)
row='[m for m in d["minerals"] if m["mineral"]=="cobalt"][0]'
check "cobalt not single-source" [ "$(json_get "$row['single_source']")" = False ]
check "cobalt concentrated at .5" [ "$(json_get "$row['concentrated_supply']")" = True ]
run deps --dataset us-mcs2024 --threshold 0.8 --format json
check "cobalt concentrated whatever --threshold" [ "$(json_get "$row['concentrated_supply']")" = True ]
run deps --dataset us-mcs2024 --supply-threshold 0.8 --format json
check "cobalt not concentrated at .8" [ "$(json_get "$row['concentrated_supply']")" = False ]
run deps --dataset us-mcs2024 --supply-threshold 2
expect_rc 64
expect_err "supply-threshold"
run deps --dataset us-mcs2024
expect_out '^rare_earths +>95% +4 +CHN +unknown'
finish
