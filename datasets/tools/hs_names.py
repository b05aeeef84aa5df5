# datasets/tools/hs_names.py: writes datasets/hs/hs_names.csv, the HS product names critnet shows beside codes,
# trimmed from ../shared/data/hs/harmonized-system.csv (HS 1992 as the Atlas of Economic Complexity uses it;
# datasets/hs/SOURCE.md): every chapter (2 digits) and heading (4 digits), and the subheadings (6 digits) of the
# chapters that hold critical minerals. Columns hscode,description; the byte-order mark dropped. Run by hand.
import csv, sys
CHAPTERS = {'25', '26', '28', '38', '71', '72', '74', '75', '76', '78', '79', '80', '81', '85'}
src = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/hs/harmonized-system.csv'
out = sys.argv[2] if len(sys.argv) > 2 else 'datasets/hs/hs_names.csv'
with open(src, encoding='utf-8-sig', newline='') as f, open(out, 'w', encoding='utf-8', newline='') as g:
    w = csv.writer(g, lineterminator='\n')
    w.writerow(['hscode', 'description'])
    for r in csv.DictReader(f):
        code = r['hscode']
        if code.isdigit() and (len(code) in (2, 4) or (len(code) == 6 and code[:2] in CHAPTERS)):
            w.writerow([code, r['description']])
