# critnet profile: figures worked out by hand from datasets/us-mcs2020.json and tests/data/chains.json.
. "$CN_SRC/tests/cli/lib.sh"

# Canada in the MCS 2020 view: shares from MCS import sources (graphite 16%, indium 22%, niobium 22% of total
# imports, uranium 22% of EIA purchases) and NRCan ranks (1st: potash, indium, aluminum, tellurium; 2nd:
# niobium, tungsten, magnesium): 9 distinct minerals; 8 on the 2018 list of 35 (NRCan's "aluminum" is the
# metal, aluminum:metal; the list's entry is "aluminum (bauxite)", aluminum:bauxite: datasets/forms.csv).
run profile CAN --dataset us-mcs2020 --format json
expect_rc 0
check "9 minerals to USA" [ "$(json_get 'd["counts"][0]["minerals"]')" = 9 ]
check "8 on the list" [ "$(json_get 'd["counts"][0]["on_list"]')" = 8 ]
check "list of 35" [ "$(json_get 'd["list_size"]')" = 35 ]
s() { json_get "[r for r in d['supplies'] if r['mineral']=='$1'][0]['$2']"; }
check "indium rank 1" [ "$(s indium rank)" = 1 ]
check "indium share .22" near "$(s indium share)" 0.22
check "niobium rank 2, primary share .22 (not the ferroniobium .25)" near "$(s niobium share)" 0.22
check "niobium rank 2" [ "$(s niobium rank)" = 2 ]
# facts that agree with themselves: indium's rank 1 is NRCan's, its 22% USGS's, where China has 36%: Canada is
# 2nd by share; both sources named, the disagreement flagged. niobium: rank 2 (NRCan), 22% second to Brazil's
# 66% (USGS): 2nd by share too, two sources, no disagreement.
check "indium rank from NRCan" [ "$(s indium rank_source)" = nrcan-2020 ]
check "indium share from USGS" [ "$(s indium share_source)" = mcs2020-indium ]
check "indium 2nd by share" [ "$(s indium share_rank)" = 2 ]
check "indium disagreement flagged" [ "$(s indium disagree)" = True ]
check "niobium 2nd by share, no disagreement" [ "$(s niobium share_rank)/$(s niobium disagree)" = 2/False ]
check "potash: rank only, nothing to disagree" [ "$(s potash disagree)/$(s potash share_rank)" = False/None ]
check "potash share unknown" [ "$(s potash share)" = None ]
check "graphite no rank" [ "$(s graphite rank)" = None ]
# uranium 2019: CAN 6938 t U of listed producers 22808+6938+5476+6613+3500+2911+2983+1885+308+346+800+0+0
# (running sums 29746 35222 41835 45335 48246 51229 53114 53422 53768) = 54568 -> 0.1271441137...; no world
# total in the data, so it is said to be of the listed producers
check "uranium share of listed 6938/54568" near "$(json_get 'd["production"][0]["share"]')" 0.12714411376630994
check "uranium share_of" [ "$(json_get 'd["production"][0]["share_of"]')" = "listed producers" ]
check "uranium year 2019" [ "$(json_get 'd["production"][0]["year"]')" = 2019 ]
run profile CAN --dataset us-mcs2020
expect_out 'CAN supplies 9 minerals to USA: 8 of the 35 on the 2018 list'
# the consumer's side: USA relies on graphite 100% with China (33%) on top
run profile USA --dataset us-mcs2020 --format json
r() { json_get "[r for r in d['relies_on'] if r['mineral']=='$1'][0]['$2']"; }
check "USA graphite NIR 1" near "$(r graphite nir)" 1
check "USA graphite top CHN" [ "$(r graphite top_supplier)" = CHN ]
check "USA graphite top .33" near "$(r graphite top_share)" 0.33
check "USA helium net exporter" [ "$(r helium net_exporter)" = True ]
# chains: MNA supplies cobalt:ore and nickel:ore... to refiners; base minerals counted once per consumer
run profile MNA --data "$CN_SRC/tests/data/chains.json" --format json
check "MNA: 3 base minerals to RFA (cobalt, nickel, copper ores)" [ "$(json_get '[c["minerals"] for c in d["counts"] if c["consumer"]=="RFA"][0]')" = 3 ]
check "MNA: no list in this data" [ "$(json_get 'd["list"]')" = None ]
run profile RFB --data "$CN_SRC/tests/data/chains.json" --format json
check "RFB: the only listed lithium:ore producer: 10/10 of listed" near "$(json_get 'd["production"][0]["share"]')" 1
# errors
run profile ZZZ --dataset us-mcs2020
expect_rc 64
expect_err "'ZZZ' is not a country"
run profile
expect_rc 64
run profile CAN --list 1999
expect_rc 64
finish
