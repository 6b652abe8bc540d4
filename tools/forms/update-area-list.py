#!/usr/bin/env python3
"""Writes the shipped safeguarding directory's areas into the start form's area list.

Usage: tools/forms/update-area-list.py   (from the repository root)

The start form (forms/report-potential-victim.form) offers the local authority areas by name and
sends the ONS code. Tasklist 7.24 hands a Camunda Forms *start* form no server data (it reads
form variables for task forms only), so the list is static in the form: run this after changing
src/main/resources/directory/safeguarding-directory.csv. DefaultDirectoryTest fails until both agree.
Areas added or renamed at run time (/api/directory) are offered without this script: the start
event binds its form "latest", and StartFormAreas deploys a new version of this form with the
directory's areas whenever they differ (at start and on every change of the directory).
"""
import csv
import json
import re

DIRECTORY = "src/main/resources/directory/safeguarding-directory.csv"
FORM = "forms/report-potential-victim.form"

with open(DIRECTORY, encoding="utf-8") as f:
    areas = sorted(({"label": row["area_name"], "value": row["area_code"]} for row in csv.DictReader(f)),
                   key=lambda option: option["label"].lower())

with open(FORM, encoding="utf-8") as f:
    text = f.read()

# replace the "values" array of the areaCode field only, keeping the rest of the file as it is
field = re.search(r'\n(\s*)\{\n\s*"id": "Field_areaCode",.*?\n\1\}', text, re.S)
if not field:
    raise SystemExit("no Field_areaCode in " + FORM)
indent = field.group(1) + "  "
values = re.search(r'"values": \[.*?\n' + re.escape(indent) + r'\]', field.group(0), re.S)
if not values:
    raise SystemExit("Field_areaCode has no values list")
lines = json.dumps(areas, indent=2, ensure_ascii=False).split("\n")
new_values = '"values": ' + ("\n" + indent).join(lines)
updated = text[:field.start()] + field.group(0).replace(values.group(0), new_values) + text[field.end():]
json.loads(updated)
with open(FORM, "w", encoding="utf-8") as f:
    f.write(updated)
print(f"{FORM}: {len(areas)} areas")
