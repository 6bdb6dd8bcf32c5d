"""GET /_emulator/state: the whole state as JSON, shaped like a seed, without secrets."""
from . import extensions


def _extensions(state, level, owner, doc):
    for key, dumper in extensions.DUMP_KEYS[level].items():
        doc[key] = dumper(state, owner)
    return doc


def _record(state, record):
    return {
        'id': record.id,
        'sub_domain': record.name,
        'record_type': record.type,
        'record_line': state.lines.display(record.line),
        'value': record.value,
        'ttl': record.ttl,
        'mx': record.mx,
        'weight': record.weight,
        'status': record.status,
        'remark': record.remark,
        'hold': record.hold,
        'updated_on': record.updated_on,
    }


def _domain(state, domain):
    return _extensions(state, 'domain', domain, {
        'id': domain.id,
        'name': domain.name,
        'grade': domain.grade,
        'status': domain.status,
        'group_id': domain.group_id,
        'is_mark': domain.is_mark,
        'remark': domain.remark,
        'searchengine_push': domain.searchengine_push,
        'ttl': domain.ttl,
        'locked': domain.locked,
        'ext_status': domain.ext_status,
        'created_on': domain.created_on,
        'updated_on': domain.updated_on,
        'hold_ns': [],      # the hold records are listed with "hold": true
        'records': [_record(state, r)
                    for r in sorted(domain.records.values(), key=lambda r: r.id)],
    })


def _account(state, account):
    return _extensions(state, 'account', account, {
        'user_id': account.user_id,
        'email': account.email,
        'dtoken': account.dtoken,
        'grade': account.grade,
        'nick': account.nick,
        'real_name': account.real_name,
        'telephone': account.telephone,
        'user_type': account.user_type,
        'balance': account.balance,
        'agent': account.agent,
        'domains': [_domain(state, d) for d in account.domains.values()],
    })


def dump(state):
    with state.lock:
        return _extensions(state, 'top', state, {
            'settings': dict(state.settings),
            'grades': state.grade_overrides,
            'accounts': [_account(state, a) for a in state.accounts],
        })
