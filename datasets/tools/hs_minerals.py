# datasets/tools/hs_minerals.py: writes datasets/hs_minerals.csv (HS6 -> mineral, stage) with the descriptions of
# ../shared/data/hs/harmonized-system.csv. Run by hand when the mapping changes; not a build step.
# weight: the part of a code's trade that is the mineral's: 1 for a specific code; a basket code (n.e.s.
# chemicals and the like that hold the mineral among many others; note "basket: ...") would get a fraction only
# with a published source (weight_source; critnet does not apply fractions yet), else none: it is then left
# out by default (its own "hs:" product),
# and `--include-baskets` maps it with weight 1, as the output says. No published share is known for any
# basket mapped here, so every basket is left out by default.
BASKET_WEIGHTS = {}  # hs6: (fraction, "source and edition"); none published for these codes
import csv, sys
hs = {r['hscode']: r['description'] for r in csv.DictReader(open('/work/shared/data/hs/harmonized-system.csv', encoding='utf-8-sig'))}
rows = [
# hs6, mineral, stage, note
("260500","cobalt","ore",""),
("810520","cobalt","intermediate","mattes and intermediate products of cobalt metallurgy; also unwrought cobalt and powders"),
("282200","cobalt","refined","cobalt oxides and hydroxides"),
("282739","cobalt","refined","basket: chlorides n.e.s., includes cobalt chloride"),
("283329","cobalt","refined","basket: sulphates n.e.s., includes cobalt sulphate"),
("810590","cobalt","product","articles of cobalt"),
("260400","nickel","ore",""),
("750110","nickel","intermediate","nickel mattes"),
("750120","nickel","intermediate","nickel oxide sinters and other intermediate products"),
("750300","nickel","intermediate","waste and scrap: a secondary raw material"),
("750210","nickel","refined","unwrought nickel, not alloyed"),
("750220","nickel","refined","unwrought nickel alloys"),
("750400","nickel","refined","powders and flakes"),
("282540","nickel","refined","nickel oxides and hydroxides"),
("283324","nickel","refined","nickel sulphates"),
("750512","nickel","product","bars, rods and profiles of nickel alloys"),
("750620","nickel","product","plates, sheets, strip and foil of nickel alloys"),
("253090","lithium","ore","basket: mineral substances n.e.s., includes spodumene and other lithium minerals"),
("282520","lithium","refined","lithium oxide and hydroxide"),
("283691","lithium","refined","lithium carbonates"),
("850650","lithium","product","lithium primary cells and batteries"),
("850760","lithium","product","lithium-ion accumulators"),
("250410","graphite","ore","natural graphite in powder or flakes"),
("250490","graphite","ore","natural graphite, other"),
("380110","graphite","refined","artificial graphite"),
("380120","graphite","refined","colloidal or semi-colloidal graphite"),
("854511","graphite","product","carbon/graphite electrodes for furnaces"),
("280530","rare_earths","refined","rare-earth metals, scandium and yttrium"),
("284610","rare_earths","refined","cerium compounds"),
("284690","rare_earths","refined","compounds of other rare-earth metals, yttrium, scandium"),
("850511","rare_earths","product","basket: permanent magnets of metal, mostly NdFeB"),
("261690","pgm","ore","basket: precious-metal ores other than silver (includes gold ores)"),
("711292","pgm","intermediate","waste and scrap of platinum"),
("711011","pgm","refined","platinum, unwrought or in powder"),
("711021","pgm","refined","palladium, unwrought or in powder"),
("711031","pgm","refined","rhodium, unwrought or in powder"),
("711041","pgm","refined","iridium, osmium, ruthenium, unwrought or in powder"),
("711019","pgm","product","platinum, semi-manufactured"),
("711029","pgm","product","palladium, semi-manufactured"),
("711510","pgm","product","catalysts of platinum in wire cloth or grill form"),
]
w = csv.writer(open(sys.argv[1] if len(sys.argv) > 1 else 'hs_minerals.csv', 'w', newline=''), lineterminator='\n')
w.writerow(["hs6","mineral","stage","description","note","weight","weight_source"])
for h,m,s,n in rows:
    d = hs.get(h)
    if d is None: print("not in HS1992 table:", h)
    if not n.startswith("basket:"):
        wt, src = "1", "specific code"
    elif h in BASKET_WEIGHTS:
        wt, src = str(BASKET_WEIGHTS[h][0]), BASKET_WEIGHTS[h][1]
    else:
        wt, src = "", "no published share of the mineral in this basket: left out by default"
    w.writerow([h,m,s,d or "", n, wt, src])
