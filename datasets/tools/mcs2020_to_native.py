#!/usr/bin/python3
"""Transcribe datasets/mcs2020/ (facts read from USGS MCS 2020 chapters, EIA for uranium) into critnet's
native JSON format: datasets/us-mcs2020.json. A maintainer's tool, run by hand when the transcription changes
(`datasets/tools/mcs2020_to_native.py > datasets/us-mcs2020.json`); critnet does not need Python to build or
run. ctest checks that the committed file is this script's output. Rules (datasets/README.md, docs/usgs.md):
  * mineral ids, forms and list tags come from datasets/forms.csv, the table every USGS importer uses: a form
    of minerals/<id>.json is the id of its "mcs2020" row "<id>/<form>" (titanium mineral concentrates ->
    titanium:concentrates), else the file's id; every id of the 2018 and 2022 lists is tagged (and present,
    with no figures, where this transcription has none); the headline form is forms.csv's;
  * net import reliance: the form's latest year; else nir_figure.json's entry; printed forms kept ("E", ">50");
  * a blanked country (null) stays an unnamed supplier; "Other" is the residual; nothing is filled in.
"""
import csv, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, '..', 'mcs2020')

# datasets/forms.csv: id, mineral, stage, headline, name, edition, kind, label
FORMS = list(csv.DictReader(open(os.path.join(HERE, '..', 'forms.csv'), encoding='utf-8')))
FORM_NAME = {r['id']: r['name'] for r in FORMS}
FORM_STAGE = {r['id']: r['stage'] for r in FORMS if r['stage']}
LISTS = {}
for r in FORMS:
    if r['kind'] in ('list2018', 'list2022'):
        LISTS.setdefault(r['id'], set()).add(r['kind'][4:])


def form_id(label, default):
    """the id of an "mcs2020" row (label "<file id>/<form>", "nir_figure/<commodity>", "canada_13/<id>")"""
    for r in FORMS:
        if r['kind'] == 'mcs2020' and r['edition'] in ('2020', '*') and r['label'].lower() == label.lower():
            return r['id']
    return default


def headline_of(mid):
    """the headline form of a mineral (forms.csv), or the id itself"""
    for r in FORMS:
        if r['mineral'] == mid and r['headline'] == '1':
            return r['id']
    return mid

# The few spellings in this transcription that are not ISO 3166 short names (critnet's importers use
# graph/countries.c; this script needs only these).
ISO3 = {
    'Argentina': 'ARG', 'Australia': 'AUS', 'Austria': 'AUT', 'Belgium': 'BEL', 'Bolivia': 'BOL',
    'Brazil': 'BRA', 'Canada': 'CAN', 'Chile': 'CHL', 'China': 'CHN', 'Congo (Kinshasa)': 'COD',
    'Estonia': 'EST', 'Germany': 'DEU', 'India': 'IND', 'Jamaica': 'JAM', 'Japan': 'JPN',
    'Kazakhstan': 'KAZ', 'Mexico': 'MEX', 'Morocco': 'MAR', 'Namibia': 'NAM', 'Norway': 'NOR',
    'Republic of Korea': 'KOR', 'Russia': 'RUS', 'Rwanda': 'RWA', 'South Africa': 'ZAF', 'Taiwan': 'TWN',
    'Thailand': 'THA', 'United States': 'USA', 'Uzbekistan': 'UZB', 'Vietnam': 'VNM', 'Niger': 'NER',
    'Ukraine': 'UKR', 'India (est.)': 'IND',
}
NAMES = {v: k for k, v in ISO3.items() if '(' not in k or k == 'Congo (Kinshasa)'}
NAMES['COD'] = 'Congo (Kinshasa)'

net = {'format': 'critnet', 'version': 1, 'name': 'us-mcs2020',
       'title': 'U.S. critical minerals (2018 list of 35), USGS Mineral Commodity Summaries 2020 view',
       'description': 'Net import reliance and import sources of the United States as read from USGS MCS 2020 '
                      'chapters (nearest edition where the 2020 one could not be read) and EIA uranium '
                      'purchases; what could not be read is absent. See datasets/README.md.',
       'sources': [], 'countries': [], 'minerals': [], 'edges': []}
countries = set()
source_ids = {}


def source(sid, title, edition, url):
    if sid not in source_ids:
        source_ids[sid] = True
        s = {'id': sid, 'title': title}
        if edition: s['edition'] = edition
        if url: s['url'] = url
        net['sources'].append(s)
    return sid


def country(name):
    if name is None:
        return None
    code = ISO3[name.strip()]
    countries.add(code)
    return code


def year_key(k):
    m = re.match(r'(\d{4})', k)
    return int(m.group(1)) if m else 0


def nir_edge(mineral, value, year_label, src, basis=None):
    """value: a number (percent) or a printed form such as '>75', '<50', 'E', 'NA'."""
    e = {'kind': 'relies', 'mineral': mineral, 'consumer': 'USA'}
    text = str(value)
    y = year_key(year_label)
    if y: e['year'] = y
    if 'e' in year_label[4:5]: e['estimated'] = True
    if isinstance(value, (int, float)):
        e['share'] = value / 100.0
    elif text == 'E':
        e['net_exporter'] = True
        e['text'] = 'E'
    elif re.fullmatch(r'>\d+', text):
        e['low'], e['high'], e['text'] = int(text[1:]) / 100.0, 1.0, text
    elif re.fullmatch(r'<\d+', text):
        e['low'], e['high'], e['text'] = 0.0, int(text[1:]) / 100.0, text
    elif re.fullmatch(r'\d+', text):
        e['share'] = int(text) / 100.0
    else:
        return None  # NA, XX: no figure
    if basis: e['basis'] = basis
    e['source'] = src
    return e


def supplies(mineral, items, period, src, basis=None, primary=False):
    out = []
    for it in items:
        name, pct = it.get('country'), it.get('share_pct')
        e = {'kind': 'supplies', 'mineral': mineral, 'consumer': 'USA'}
        if name is not None and name.strip().lower() in ('other', 'u.s. and five other countries combined'):
            if pct is None: continue
            e['country'] = '*other*'
        else:
            e['country'] = country(name)
        if pct is not None: e['share'] = pct / 100.0
        if period: e['period'] = period
        if basis: e['basis'] = basis
        if primary: e['primary'] = True
        e['source'] = src
        out.append(e)
    return out


def shares_in(text):
    return [{'country': c.strip(), 'share_pct': int(p)}
            for c, p in re.findall(r"([A-Z][A-Za-z .']+?) (\d+)%", text)] + \
           [{'country': 'Other', 'share_pct': int(p)} for p in re.findall(r'other (\d+)%', text)]


nir_fig = {c['commodity'].split(' (')[0].lower().replace('-', ' '): c
           for c in json.load(open(os.path.join(SRC, 'nir_figure.json')))['commodities']}
canada = json.load(open(os.path.join(SRC, 'canada_13.json')))

emitted, pending = set(), {}
for fn in sorted(os.listdir(os.path.join(SRC, 'minerals'))):
    d = json.load(open(os.path.join(SRC, 'minerals', fn)))
    mid = d['id']
    urls = d.get('source_urls') or []
    src = source('mcs2020-' + mid, 'USGS Mineral Commodity Summaries: ' + d['name'], d.get('edition'),
                 urls[0] if urls else None)
    forms = d['forms']
    head_id = headline_of(mid)
    fids = [form_id(mid + '/' + f['form'], mid) for f in forms]
    # the headline form first (forms.csv's), then the others in file order
    order = sorted(range(len(forms)), key=lambda i: fids[i] != head_id)
    for i in order:
        f, fid = forms[i], fids[i]
        edges = []
        nir = f.get('net_import_reliance')
        if isinstance(nir, dict) and nir:
            last = max(nir, key=year_key)
            e = nir_edge(fid, nir[last], last, src)
            if e: edges.append(e)
        period = f.get('import_sources_period')
        if f.get('edition_used') and f.get('edition_used') != 'MCS 2020' and period:
            period = period + ' (' + f['edition_used'] + ')'
        imp = f.get('import_sources')
        if isinstance(imp, list) and imp and 'basis' in imp[0]:         # several bases (niobium)
            for g in imp:
                total = g['basis'].lower().startswith('total')
                edges += supplies(fid, g['sources'], period, src, g['basis'], primary=total)
        elif isinstance(imp, list):
            edges += supplies(fid, imp, period, src)
        elif isinstance(imp, dict):                                      # uranium: EIA, keyed by year
            first = next(iter(imp))
            edges += supplies(fid, imp[first], first.split(' (')[0], src,
                              'U.S. civilian reactor purchases of U3O8e by origin (EIA UMAR)')
        elif f.get('import_sources_nearest_edition'):
            ne = f['import_sources_nearest_edition']
            s2 = source('mcs2020-' + mid + '-' + ne['edition'].lower().replace(' ', ''),
                        'USGS Mineral Commodity Summaries: ' + d['name'], ne['edition'], ne.get('source_url'))
            edges += supplies(fid, ne['sources'], ne['period'] + ' (' + ne['edition'] + ')', s2, ne.get('basis'))
        wp = f.get('world_production')
        if isinstance(wp, list):
            s3 = source('wna-uranium', f.get('world_production_source', 'World production'), None, None)
            for row in wp:
                name = re.sub(r' \(est\.\)', '', row['country'])
                if name not in ISO3: continue
                for y in ('2018', '2019'):
                    if isinstance(row.get(y), (int, float)):
                        edges.append({'kind': 'produces', 'country': country(name), 'mineral': fid,
                                      'quantity': row[y], 'unit': 't U', 'year': int(y),
                                      **({'estimated': True} if '(est.)' in row['country'] else {}),
                                      'source': s3})
        m = {'id': fid, 'name': FORM_NAME.get(fid, d['name'] if fid == mid else d['name'] + ' (' + f['form'] + ')')}
        if fid in FORM_STAGE: m['stage'] = FORM_STAGE[fid]
        elif fid != mid: m['stage'] = f['form']
        if fid in LISTS: m['lists'] = sorted(LISTS[fid])
        if fid == head_id and d.get('notes'): m['note'] = d['notes']
        m['source'] = src
        net['edges'] += edges
        if fid != head_id and not edges and fid not in LISTS:
            pending[fid] = m  # kept only if a later edge names it (the NIR table, NRCan)
            continue
        net['minerals'].append(m)
        emitted.add(fid)
    # fall back on the assembled NIR table where the chapter gave no reliance or no import shares: for the
    # form forms.csv names ("nir_figure/<commodity>"), else the headline form
    key = d['name'].split(' (')[0].lower().replace('-', ' ')
    fig = nir_fig.get(key)
    target = form_id('nir_figure/' + fig['commodity'], head_id) if fig else head_id
    head_edges = [e for e in net['edges'] if e['mineral'] == target]
    if fig and target in pending:
        net['minerals'].append(pending.pop(target))
        emitted.add(target)
    if fig and target in emitted:
        s4 = source('nir-' + mid, 'Net import reliance, assembled per commodity (see datasets/mcs2020/nir_figure.json)',
                    None, fig.get('source_url'))
        if not any(e['kind'] == 'relies' for e in head_edges) and fig.get('nir_pct'):
            e = nir_edge(target, fig['nir_pct'], fig.get('nir_year') or '', s4, fig.get('nir_basis'))
            if e: net['edges'].append(e)
        if not any(e['kind'] == 'supplies' for e in head_edges) and fig.get('major_import_sources'):
            basis = fig.get('major_import_sources_basis') or ''
            sh = shares_in(basis)
            if sh and basis.startswith('qualitative') is False:
                period = re.search(r'(\d{4}-\d{2})', basis)
                net['edges'] += supplies(target, sh, period.group(1) if period else None, s4, basis)
            else:
                for name in fig['major_import_sources']:
                    net['edges'].append({'kind': 'supplies', 'country': country(name), 'mineral': target,
                                         'consumer': 'USA', 'basis': basis, 'source': s4})

# every id of the two lists, also where this transcription has nothing for it ("no data"), named by forms.csv
for fid in sorted(LISTS, key=lambda i: [r['id'] for r in FORMS].index(i)):
    if fid not in emitted:
        net['minerals'].append({'id': fid, 'name': FORM_NAME[fid], **({'stage': FORM_STAGE[fid]} if fid in FORM_STAGE else {}),
                                'lists': sorted(LISTS[fid])})
        emitted.add(fid)

# NRCan, 9 Jan 2020: Canada's rank among U.S. suppliers (8 of the 13 minerals named)
s5 = source('nrcan-2020', 'Canada and U.S. finalize joint action plan on critical minerals collaboration (NRCan news release, 9 Jan 2020)',
            '2020', canada['source_urls'][0])
country('Canada')
for rank, key in ((1, 'largest_supplier_to_US'), (2, 'second_largest_supplier_to_US')):
    for name in canada['minerals_named_with_rank'][key]:
        mid = form_id('canada_13/' + name, headline_of(name))
        net['edges'].append({'kind': 'supplies', 'country': 'CAN', 'mineral': mid, 'consumer': 'USA', 'rank': rank,
                             'period': '2020', 'basis': "Canada's rank among U.S. suppliers (NRCan)", 'source': s5})

for e in net['edges']:
    if e['mineral'] in pending:
        net['minerals'].append(pending.pop(e['mineral']))

countries.add('USA')
net['countries'] = [{'id': c, 'name': NAMES.get(c, c)} for c in sorted(countries)]
json.dump(net, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write('\n')
