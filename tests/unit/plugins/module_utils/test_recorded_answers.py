"""Every recorded live answer (tests/fixtures/real-responses) through our client.

Each of the 57 recorded dnsapi.cn calls (lexicon_index.json) is answered, verbatim, by the scripted
endpoint to the client method that sends that action; the result must be the canonical dict of
docs/architecture.md with the values the recording holds (mapped here field by field, independently
of normalize.py), or the error the recorded code means. Each error body quoted in a public bug
report (issue_reported_responses/) goes through the call it was reported for. The emulator's side
(the same requests answered with the same shapes) is tests/unit/emulator/test_recordings.py.
"""
import json
import os
import urllib.parse

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAlreadyDoneError, DNSPodAPIError

FIXTURES = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'fixtures', 'real-responses')
ISSUES = os.path.join(FIXTURES, 'issue_reported_responses')
TOKEN = '1446297,0123456789abcdef0123456789abcdef'

RECORD_KEYS = {'id', 'sub_domain', 'record_type', 'record_line', 'record_line_id', 'value', 'ttl', 'mx', 'weight',
               'status', 'remark', 'hold', 'monitor_status', 'updated_on'}
DOMAIN_KEYS = {'id', 'name', 'punycode', 'grade', 'grade_title', 'status', 'ext_status', 'records', 'group_id',
               'is_mark', 'remark', 'is_vip', 'searchengine_push', 'ttl', 'owner', 'user_id', 'created_on',
               'updated_on'}


def load_calls():
    with open(os.path.join(FIXTURES, 'lexicon_index.json'), encoding='utf-8') as handle:
        sessions = json.load(handle)
    return [('%s#%d' % (name, call['i']), call) for name, calls in sorted(sessions.items()) for call in calls]


CALLS = load_calls()


def test_every_recording_is_here():
    assert len(CALLS) == 57
    files = sorted(os.listdir(ISSUES))
    assert len([f for f in files if f != 'SOURCES.json']) == 9
    assert set(f for f in files if f != 'SOURCES.json') == set(REPORTED)


def client_for(fake_api, **kwargs):
    options = dict(api_url=fake_api.url, login_token=TOKEN, sleep=lambda s: None, timeout=5, max_retries=0)
    options.update(kwargs)
    return DNSPodClient(**options)


# -- what a recorded value means in the canonical form (architecture.md), written out here ---------
def expected_status(raw):
    return {'enable': 'enabled', 'enabled': 'enabled', '1': 'enabled',
            'disable': 'disabled', 'disabled': 'disabled', '0': 'disabled'}[str(raw)]


def expected_record(item):
    return {
        'id': str(item['id']), 'sub_domain': item['name'].lower(), 'record_type': item['type'].upper(),
        'record_line': item['line'], 'value': item['value'], 'ttl': int(item['ttl']),
        'mx': int(item['mx']) if item['type'].upper() == 'MX' else 0,
        'weight': None if item.get('weight') is None else int(item['weight']),
        'status': expected_status(item['status'] if item.get('status') not in (None, '') else item['enabled']),
        'remark': item.get('remark') or '', 'hold': item.get('hold') == 'hold',
    }


def expected_domain(raw):
    return {
        'id': str(raw['id']), 'name': raw['name'].lower().rstrip('.'), 'punycode': raw['punycode'],
        'grade': raw['grade'], 'status': {'enable': 'enabled', 'pause': 'disabled'}[raw['status']],
        'records': int(raw['records']), 'is_mark': raw['is_mark'] == 'yes',
        'remark': raw['remark'] or '', 'ttl': int(raw['ttl']), 'owner': raw['owner'],
        'group_id': str(raw['group_id']), 'ext_status': raw['ext_status'],
    }


def sent(call):
    return dict(urllib.parse.parse_qsl(call['request_body'], keep_blank_values=True))


def replay(client, action, form):
    """Call the client method that sends ``action`` with the recorded request's fields."""
    if action == 'Domain.Info':
        return Domains(client).get(form.get('domain_id') or form['domain'])
    if action == 'Record.List':
        return Records(client).list(form.get('domain_id') or form['domain'])
    if action == 'Record.Create':
        return Records(client).create(form['domain_id'], form.get('sub_domain'), form['record_type'],
                                      form['record_line'], form['value'], ttl=form.get('ttl'))
    if action == 'Record.Modify':
        return Records(client).modify(form['domain_id'], form['record_id'], form.get('sub_domain'),
                                      form['record_type'], form['record_line'], form['value'], ttl=form.get('ttl'))
    if action == 'Record.Remove':
        return Records(client).remove(form['domain_id'], form['record_id'])
    raise AssertionError('no client method for %s' % action)


@pytest.mark.parametrize('where, call', CALLS, ids=[where for where, _call in CALLS])
def test_recorded_answer_through_the_client(fake_api, where, call):
    action = call['uri'].rsplit('/', 1)[1]
    recorded = call['response_json']
    code = recorded['status']['code']
    fake_api.answer(body=json.dumps(recorded))
    client = client_for(fake_api)
    form = sent(call)
    if code != '1' and not (action == 'Domain.Info' and code in ('6', '13')):
        with pytest.raises(DNSPodAPIError) as info:
            replay(client, action, form)
        assert info.value.code == code and info.value.action == action, where
        assert not isinstance(info.value, DNSPodAlreadyDoneError)
        result = None
    else:
        result = replay(client, action, form)
    assert [r['action'] for r in fake_api.requests] == [action], where
    check_result(action, code, recorded, result, where)
    for key in ('domain', 'domain_id', 'record_id', 'sub_domain', 'record_type', 'record_line', 'value'):
        if key in form:
            assert fake_api.requests[0]['form'][key] == form[key], (where, key)


def check_result(action, code, recorded, result, where):
    if action == 'Domain.Info' and code == '1':
        assert set(result) == DOMAIN_KEYS, where
        for key, value in expected_domain(recorded['domain']).items():
            assert result[key] == value, (where, key, result[key], value)
        assert isinstance(result['is_vip'], bool) and isinstance(result['searchengine_push'], bool)
    elif action == 'Domain.Info':
        assert result is None, where           # 13 (recorded) / 6 (documented): no such domain
    elif action == 'Record.List':
        assert len(result) == len(recorded['records']) == int(recorded['info']['record_total']), where
        for canonical, item in zip(result, recorded['records']):
            assert set(canonical) == RECORD_KEYS, where
            for key, value in expected_record(item).items():
                assert canonical[key] == value, (where, key, canonical[key], value)
    elif action == 'Record.Create':
        assert result == str(recorded['record']['id']) and isinstance(result, str), where
    elif action in ('Record.Modify', 'Record.Remove'):
        assert result is None, where


# -- error bodies quoted in bug reports --------------------------------------------------------------
def body_of(name):
    with open(os.path.join(ISSUES, name), encoding='utf-8') as handle:
        return handle.read()


def create_www(client):
    return Records(client).create('2317346', 'www', 'A', '默认', '192.0.2.1')


REPORTED = {
    # file: (how the client was called, the code it must raise, or 'empty' for an empty listing)
    'code-1_login_fail_intl_2020-05-16.json': (lambda c: Domains(c).get('example.com'), '-1'),
    'code104_record_exists_2017-09-04.json': (create_www, '104'),
    'code10_no_records_2020-12-14.json': (lambda c: Records(c).list('2317346', sub_domain='ddns', record_type='A'),
                                          'empty'),
    'code20004_user_token_intl_2021-09-10.json': (lambda c: Domains(c).get('example.com'), '20004'),
    'code27_record_type_invalid_2020-02-09.json': (
        lambda c: Records(c).modify('2317346', '7', 'www', 'A', '默认', '192.0.2.2'), '27'),
    'code500025_lb_limit_2021-07-08.json': (create_www, '500025'),
    'code8_prohibit_email_2018-09-07.json': (lambda c: Domains(c).list(), '8'),
    'code8_record_id_error_2021-04-24.json': (
        lambda c: c.call('Record.Info', {'domain_id': '2317346', 'record_id': '12345'}), '8'),
    'xml_code-1_2018-08-15.xml': (lambda c: Domains(c).list(), '-1'),
}


@pytest.mark.parametrize('name', sorted(REPORTED))
def test_reported_answer_through_the_client(fake_api, name):
    how, expected = REPORTED[name]
    fake_api.answer(body=body_of(name))
    lookups = 0
    if name == 'code104_record_exists_2017-09-04.json':
        # a 104 is looked up (the record may be another host's identical create): not there, so it stands
        fake_api.ok(info={'record_total': 0}, records=[])
        lookups = 1
    if name == 'code8_prohibit_email_2018-09-07.json':
        client = client_for(fake_api, login_token=None, login_email='u@example.com', login_password='pass-word')
    else:
        client = client_for(fake_api)
    if expected == 'empty':
        assert how(client) == []
    else:
        with pytest.raises(DNSPodAPIError) as info:
            how(client)
        assert info.value.code == expected
        assert not isinstance(info.value, DNSPodAlreadyDoneError)   # no earlier lost answer: a plain error
        if name.endswith('.json'):
            assert info.value.message == json.loads(body_of(name))['status']['message']
        else:
            assert info.value.message == 'Login fail, please check login info'
    assert len(fake_api.requests) == 1 + lookups
