#!/usr/bin/env python3
"""Converts the public GSO unit lists (../shared/data/admin-units, MIT, see README "Data sources")
into danvan's own unit files under src/main/resources/orgunit/units/.

Run from the project root:  python3 tools/convert_admin_units.py ../shared/data/admin-units

Output format (one header, UTF-8, comma separated, no quoting needed):
  units:      code,level,kind,name,name_en,parent_code,valid_from,valid_to
  succession: predecessor_code,predecessor_held_on,successor_code,successor_held_on,effective_on,whole
Dates are ISO; an empty valid_from is the open start (before any record), an empty valid_to an
open end. A code names a unit only together with a date (codes are reused across the reform).
"""
import csv, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/admin-units'
OUT = 'src/main/resources/orgunit/units'
LAST_OLD_DAY, REFORM_DAY, UPDATE_DAY = '2025-06-30', '2025-07-01', '2026-04-30'
# The 12 old communes that the mapping names but the pre-reform list (cut-off 01/03/2025) lacks
# had ended before that cut-off; their exact end date is unknown.
ENDED_BEFORE_CUTOFF = '2025-02-28'

KINDS = {
    ('1', 'Tỉnh'): 'PROVINCE',
    ('1', 'Thành phố trực thuộc trung ương'): 'MUNICIPALITY',
    ('2', 'Quận'): 'URBAN_DISTRICT',
    ('2', 'Huyện'): 'RURAL_DISTRICT',
    ('2', 'Thị xã'): 'DISTRICT_TOWN',
    ('2', 'Thành phố thuộc tỉnh'): 'PROVINCIAL_CITY',
    ('2', 'Thành phố thuộc thành phố trực thuộc trung ương'): 'MUNICIPAL_CITY',
    ('3', 'Xã'): 'COMMUNE', ('3', 'Phường'): 'WARD', ('3', 'Thị trấn'): 'TOWNSHIP',
}
NEW_KINDS = {
    ('1', 'Tỉnh'): 'PROVINCE', ('1', 'Thành phố trực thuộc trung ương'): 'MUNICIPALITY',
    ('2', 'Xã'): 'COMMUNE', ('2', 'Phường'): 'WARD', ('2', 'Đặc khu tại hải đảo'): 'SPECIAL_ZONE',
}
OLD_LEVELS = {'1': 'PROVINCE', '2': 'DISTRICT', '3': 'COMMUNE'}
NEW_LEVELS = {'1': 'PROVINCE', '2': 'COMMUNE'}
HEADER = ['code', 'level', 'kind', 'name', 'name_en', 'parent_code', 'valid_from', 'valid_to']


def read(name):
    with open(os.path.join(SRC, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def official(name):
    """Official names start with their kind in capitals ("xã Bắc Sơn" -> "Xã Bắc Sơn")."""
    name = name.strip()
    return name[:1].upper() + name[1:]


def write(name, header, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)
    print(f'{name}: {len(rows)} rows')


pre = read('units_pre2025_v2.4.1.csv')
new = read('units_2025-07-01_v3.0.2.csv')
upd = read('units_2026-04-30_v4.2.0.csv')
prov_map = read('mapping_province_old_to_new_2025.csv')
ward_map = read('mapping_ward_old_to_new_2025.csv')

new_prov = {r['code']: r for r in new if r['level'] == '1'}
# A province continues (same unit, no end) when it alone went into a new province of the same
# code and name: Lạng Sơn, Cao Bằng, ... (11 of 63). The others end on 30/06/2025.
sources = {}
for m in prov_map:
    sources.setdefault(m['new_province_code'], []).append(m)
continuing = {code for code, olds in sources.items()
              if len(olds) == 1 and olds[0]['old_province_code'] == code
              and olds[0]['old_province_name'] == new_prov[code]['full_name']}

old_rows = [['VN', 'CENTRAL', 'CENTRAL', 'Việt Nam', 'Viet Nam', '', '', '']]
for r in pre:
    kind = KINDS[(r['level'], r['unit_type'])]
    parent = r['parent_code'] or 'VN'
    valid_to = '' if r['code'] in continuing else LAST_OLD_DAY
    old_rows.append([r['code'], OLD_LEVELS[r['level']], kind, official(r['full_name']), r['name_en'], parent, '', valid_to])
pre_codes = {r['code'] for r in pre}
for m in ward_map:
    if m['old_code'] not in pre_codes and m['old_level'] == '3' and m['old_code'] not in {r[0] for r in old_rows}:
        kind = 'WARD' if m['old_name'].startswith('Phường') else 'TOWNSHIP' if m['old_name'].startswith('Thị trấn') else 'COMMUNE'
        old_rows.append([m['old_code'], 'COMMUNE', kind, official(m['old_name']), '', m['old_district_code'], '', ENDED_BEFORE_CUTOFF])
write('01-units-pre2025.csv', HEADER, old_rows)

new_rows = []
for r in new:
    if r['level'] == '1' and r['code'] in continuing:
        continue
    new_rows.append([r['code'], NEW_LEVELS[r['level']], NEW_KINDS[(r['level'], r['unit_type'])], official(r['full_name']),
                     r['name_en'], r['parent_code'] or 'VN', REFORM_DAY, ''])
write('02-units-2025-07-01.csv', HEADER, new_rows)

succ = []
for m in prov_map:
    if m['new_province_code'] in continuing:
        continue
    succ.append([m['old_province_code'], LAST_OLD_DAY, m['new_province_code'], REFORM_DAY, REFORM_DAY, 'true'])
for m in ward_map:
    held = ENDED_BEFORE_CUTOFF if m['old_code'] not in pre_codes and m['old_level'] == '3' else LAST_OLD_DAY
    succ.append([m['old_code'], held, m['new_ward_code'], REFORM_DAY, REFORM_DAY, 'true' if m['merge_type'] == 'full' else 'false'])
write('03-succession-2025-07-01.csv',
      ['predecessor_code', 'predecessor_held_on', 'successor_code', 'successor_held_on', 'effective_on', 'whole'], succ)

upd_rows = [[r['code'], NEW_LEVELS[r['level']], NEW_KINDS[(r['level'], r['unit_type'])], official(r['full_name']),
             r['name_en'], r['parent_code'] or 'VN', UPDATE_DAY, ''] for r in upd]
write('update-2026-04-30.csv', HEADER, upd_rows)
