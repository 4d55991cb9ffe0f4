#!/usr/bin/env python3
"""Converts ../shared/data/holidays (facts from official announcements, and computed dates) into
danvan's calendar resources under src/main/resources/calendar/.

Run from the project root:  python3 tools/convert_holidays.py ../shared/data/holidays

days-off.csv:     day,kind,name,status  (kind HOLIDAY|COMPENSATORY|SWAPPED_OFF|MAKEUP_WORKDAY;
                  status OFFICIAL|COMPUTED|PENDING)
lunar-dates.csv:  lunar_year,tet,gio_to  (solar dates of mùng 1 Tết and 10/3 âm lịch, UTC+7)
"""
import csv, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/holidays'
OUT = 'src/main/resources/calendar'
KINDS = {'statutory': 'HOLIDAY', 'compensatory': 'COMPENSATORY', 'swapped_off': 'SWAPPED_OFF',
         'makeup_workday': 'MAKEUP_WORKDAY'}
STATUS = {'official': 'OFFICIAL', 'computed_not_announced': 'COMPUTED', 'pending_legislation': 'PENDING', '': 'COMPUTED'}

with open(os.path.join(SRC, 'holidays-vn-2024-2027.csv'), encoding='utf-8', newline='') as f:
    rows = list(csv.DictReader(f))
with open(os.path.join(OUT, 'days-off.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['day', 'kind', 'name', 'status'])
    for r in rows:
        status = r['status'] if r['status'] in STATUS else ('computed_not_announced' if r['date'] >= '2027' else 'official')
        w.writerow([r['date'], KINDS[r['kind']], r['name'].strip(), STATUS[status]])
with open(os.path.join(SRC, 'lunar-key-dates-2020-2040.csv'), encoding='utf-8', newline='') as f:
    lunar = list(csv.DictReader(f))
with open(os.path.join(OUT, 'lunar-dates.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['lunar_year', 'tet', 'gio_to'])
    for r in lunar:
        w.writerow([r['lunar_year'], r['tet_mung1_solar'], r['gio_to_hung_vuong_10_3_solar']])
print(len(rows), 'days,', len(lunar), 'lunar years')
