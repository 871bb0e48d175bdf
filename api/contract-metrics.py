#!/usr/bin/env python3
"""Counts what issue 19 measured on the API documents in this folder (api/*-service.json).

Run: python3 api/contract-metrics.py  — prints one line per measure.
"""
import glob, json, os, re, collections

here = os.path.dirname(os.path.abspath(__file__))
docs = {os.path.basename(f)[:-5]: json.load(open(f)) for f in sorted(glob.glob(os.path.join(here, '*-service.json')))}
ops, no_errors, ids, suffixed = 0, 0, collections.Counter(), 0
if_match_optional, idem_optional_payments = 0, 0
schemas_total, schemas_required, untyped_enums = 0, 0, 0
STATUS_LIKE = re.compile(r'(status|state|kind|stage|category|severity|channel|direction|decision|outcome|action)$', re.I)
for name, d in docs.items():
    for path, item in d.get('paths', {}).items():
        for method, op in item.items():
            if method not in ('get', 'post', 'put', 'patch', 'delete'):
                continue
            ops += 1
            if not any(c.startswith('4') for c in op.get('responses', {})):
                no_errors += 1
            oid = op.get('operationId', '')
            ids[oid] += 1
            if re.search(r'_\d+$', oid):
                suffixed += 1
            for p in op.get('parameters', []):
                if p.get('in') == 'header' and p.get('name') == 'If-Match' and not p.get('required'):
                    if_match_optional += 1
                if p.get('in') == 'header' and p.get('name') == 'Idempotency-Key' and not p.get('required') \
                        and 'payments' in path and 'callbacks' not in path and method == 'post':
                    idem_optional_payments += 1
    for sname, s in d.get('components', {}).get('schemas', {}).items():
        schemas_total += 1
        if s.get('required'):
            schemas_required += 1
        for pname, p in (s.get('properties') or {}).items():
            if p.get('type') == 'string' and 'enum' not in p and '$ref' not in p and STATUS_LIKE.search(pname):
                untyped_enums += 1
dups = sum(1 for k, v in ids.items() if v > 1)
print(f'documents: {len(docs)}')
print(f'operations: {ops}')
print(f'operations without an error response: {no_errors}')
print(f'operationIds used more than once (across services): {dups}')
print(f'operationIds ending in _<digit>: {suffixed}')
print(f'If-Match headers documented optional: {if_match_optional}')
print(f'payment POSTs with Idempotency-Key optional: {idem_optional_payments}')
print(f'schemas with required fields: {schemas_required} of {schemas_total}')
print(f'status-like string properties without enum: {untyped_enums}')
