"""Seed documents for the emulator (format: docs/emulator.md)."""

TOKEN = '10000,0123456789abcdef0123456789abcdef'
PASSWORD = 'emulator-password'
# Tencent Cloud API 3.0: the emulator's default key pair, on every seeded account as on the built-in one.
KEY_PAIR = {'secret_id': 'AKID10000EMULATOR', 'secret_key': 'emulator-secret-key-10000'}


def account(*domains, **extra):
    acc = dict(user_id=10000, email='api@example.com', login_token=TOKEN, password=PASSWORD, grade='DP_Free',
               domains=list(domains), key_pairs=[dict(KEY_PAIR)])
    acc.update(extra)
    return acc


def seed(*domains, settings=None, **account_extra):
    doc = {'accounts': [account(*domains, **account_extra)]}
    if settings:
        doc['settings'] = settings
    return doc


def domain(name, *records, **extra):
    d = dict(name=name, records=list(records))
    d.update(extra)
    return d


def record(sub_domain, record_type, value, **extra):
    r = dict(sub_domain=sub_domain, record_type=record_type, value=value)
    r.update(extra)
    return r


def actions(requests):
    return [r['action'] for r in requests]


def write_actions(requests):
    return [r['action'] for r in requests if r['write']]
