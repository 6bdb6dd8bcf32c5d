"""Bad input across the modules (docs/reliability.md, "Bad input"): every case fails with a message
naming the parameter, and the emulator's request log shows no write action at all.

One playbook run holds every case: one looped task per module (bad_input_matrix.yml)."""
import collections
import json
import os

from seeds import domain, record, seed

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

LONG_LABEL = 'a' * 64
LONG_NAME = '.'.join(['abcdefghij'] * 25)   # 274 characters with the domain

# module -> [(case, options, words that must all be in the message)]
CASES = collections.OrderedDict([
    ('dnspod_record', [
        ('unknown record type', dict(record_type='BOGUS', value=['x']), ['record_type']),
        ('TTL below the grade minimum', dict(value=['192.0.2.1'], ttl=300), ['ttl']),
        ('TTL zero', dict(value=['192.0.2.1'], ttl=0), ['ttl']),
        ('TTL above a week', dict(value=['192.0.2.1'], ttl=700000), ['ttl']),
        ('MX priority 0', dict(record_type='MX', value=['mail.example.com'], mx=0), ['mx']),
        ('MX priority 21', dict(record_type='MX', value=['mail.example.com'], mx=21), ['mx']),
        ('new MX without priority', dict(record_type='MX', value=['mail.example.com']), ['mx']),
        ('A: octet over 255', dict(value=['300.1.1.1']), ['value']),
        ('A: three octets', dict(value=['192.0.2']), ['value']),
        ('A: an IPv6 address', dict(value=['2001:db8::1']), ['value']),
        ('A: leading zeros', dict(value=['192.0.02.1']), ['value']),
        ('AAAA: an IPv4 address', dict(record_type='AAAA', value=['192.0.2.1']), ['value']),
        ('AAAA: three colons', dict(record_type='AAAA', value=['2001:db8:::1']), ['value']),
        ('AAAA: scoped address', dict(record_type='AAAA', value=['fe80::1%eth0']), ['value']),
        ('CNAME to an IP address', dict(sub_domain='alias', record_type='CNAME', value=['192.0.2.1']), ['value']),
        ('CNAME with two values', dict(sub_domain='alias', record_type='CNAME', value=['a.example.net', 'b.example.net']),
         ['value']),
        ('TXT over 512 characters', dict(record_type='TXT', value=['x' * 513]), ['value']),
        ('SRV without a port', dict(sub_domain='_sip._tcp', record_type='SRV', value=['10 5 sip.example.com']),
         ['value']),
        ('weight over 100', dict(value=['192.0.2.1'], weight=101), ['weight']),
        ('negative weight', dict(value=['192.0.2.1'], weight=-1), ['weight']),
        ('status not a choice', dict(value=['192.0.2.1'], status='paused'), ['status']),
        ('state not a choice', dict(value=['192.0.2.1'], state='gone'), ['state']),
        ('sub_domain outside the domain', dict(sub_domain='www.example.org.', value=['192.0.2.1']), ['sub_domain']),
        ('sub_domain with an empty label', dict(sub_domain='a..b', value=['192.0.2.1']), ['sub_domain']),
        ('sub_domain with a bad character', dict(sub_domain='we!rd', value=['192.0.2.1']), ['sub_domain']),
        ('wildcard not the first label', dict(sub_domain='a.*', value=['192.0.2.1']), ['sub_domain']),
        ('sub_domain label over 63 characters', dict(sub_domain=LONG_LABEL, value=['192.0.2.1']), ['sub_domain']),
        ('full name over 253 characters', dict(sub_domain=LONG_NAME, value=['192.0.2.1']), ['sub_domain']),
        ('IDN: invalid punycode label', dict(sub_domain='xn--zz-', value=['192.0.2.1']), ['sub_domain']),
        ('IDN: invalid punycode domain', dict(domain='xn--a.com', value=['192.0.2.1']), ['domain']),
        ('domain that is not a name', dict(domain='not a domain', value=['192.0.2.1']), ['domain']),
        # the grade's record types and lines (Record.Type/Record.Line read only for such a write)
        ('type not on the free grade (CAA)', dict(record_type='CAA', value=['0 issue "ca.example.net"']),
         ['record_type', 'CAA', 'DP_Free', 'A, CNAME']),
        ('type not on the free grade (SPF)', dict(record_type='SPF', value=['v=spf1 -all']),
         ['record_type', 'SPF', 'A, CNAME']),
        ('unknown line', dict(value=['192.0.2.1'], record_line='Mars'), ['record_line', 'Mars', '电信']),
        ('line not on the free grade', dict(value=['192.0.2.1'], record_line='铁通'), ['record_line', '铁通', '电信']),
        # a CNAME cannot share its name and line with other records (checked on the listing)
        ('CNAME at @ beside the NS records', dict(sub_domain='@', record_type='CNAME', value=['target.example.net']),
         ['record_type', 'CNAME', 'sub_domain @', 'NS']),
        ('CNAME where an A record exists', dict(sub_domain='www', record_type='CNAME', value=['target.example.net']),
         ['record_type', 'CNAME', 'sub_domain www', 'A 192.0.2.1']),
    ]),
    # with no_log on the task: the loop items hold credentials
    ('credentials', [
        ('login_token and login_email together',
         dict(value=['192.0.2.1'], login_token='10000,abcdefabcdef', login_email='api@example.com',
              login_password='some-password'),
         ['login_token', 'login_email']),
        ('login_email without a password', dict(value=['192.0.2.1'], login_email='api@example.com'),
         ['login_email']),
        ('malformed login_token', dict(value=['192.0.2.1'], login_token='abc'), ['login_token']),
        ('plain http to a remote API', dict(value=['192.0.2.1'], api_url='http://dnsapi.cn'), ['api_url']),
    ]),
    ('dnspod_records', [
        ('duplicate set keys', dict(records=[{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']},
                                             {'sub_domain': 'WWW', 'record_type': 'a', 'value': ['192.0.2.2']}]),
         ['records']),
        ('TTL below the minimum in the second set', dict(records=[
            {'sub_domain': 'a', 'record_type': 'A', 'value': ['192.0.2.1']},
            {'sub_domain': 'b', 'record_type': 'A', 'value': ['192.0.2.2'], 'ttl': 1}]), ['records[1].ttl']),
        ('bad IPv4 in a set', dict(records=[{'sub_domain': 'a', 'record_type': 'A', 'value': ['192.0.2.256']}]),
         ['records[0].value']),
        ('CNAME beside an A set in the list', dict(records=[
            {'sub_domain': 'x', 'record_type': 'A', 'value': ['192.0.2.1']},
            {'sub_domain': 'x', 'record_type': 'CNAME', 'value': ['t.example.net']}]), ['CNAME']),
        ('set without a value', dict(records=[{'sub_domain': 'a', 'record_type': 'A'}]), ['value']),
        ('CNAME set where an A record exists', dict(records=[
            {'sub_domain': 'a', 'record_type': 'A', 'value': ['192.0.2.1']},
            {'sub_domain': 'www', 'record_type': 'CNAME', 'value': ['t.example.net']}]),
         ['records[1].record_type', 'CNAME', 'A 192.0.2.1']),
        ('line not on the free grade in the second set', dict(records=[
            {'sub_domain': 'a', 'record_type': 'A', 'value': ['192.0.2.1']},
            {'sub_domain': 'b', 'record_type': 'A', 'record_line': '铁通', 'value': ['192.0.2.2']}]),
         ['records[1].record_line', '铁通']),
        ('ignore rule with a bad type',
         dict(records=[{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}],
              ignore=[{'record_type': 'NOPE'}], purge=True),
         ['ignore[0]']),
        ('purge with an empty records list', dict(records=[], purge=True), ['records', 'allow_empty']),
        ('a set with an empty value list', dict(records=[{'sub_domain': 'www', 'record_type': 'A', 'value': []}]),
         ['records[0].value', 'empty']),
        ('MX out of range in a set', dict(records=[{'sub_domain': '@', 'record_type': 'MX',
                                                    'value': ['mx.example.com'], 'mx': 50}]), ['records[0].mx']),
    ]),
    ('dnspod_domain', [
        ('name with a blank', dict(domain='ex ample.com'), ['domain']),
        ('single label', dict(domain='localhost'), ['domain']),
        ('status not a choice', dict(status='paused'), ['status']),
        ('unknown group', dict(group='NoSuchGroup'), ['group']),
        ('absent with records, no force', dict(state='absent'), ['force']),
    ]),
    ('dnspod_record_info', [
        ('sub_domain with an empty label', dict(sub_domain='a..b'), ['sub_domain']),
        ('unknown record type', dict(record_type='BOGUS'), ['record_type']),
    ]),
    ('dnspod_domain_info', [
        ('type not a choice', dict(type='bogus'), ['type']),
        ('unknown group', dict(group='NoSuchGroup'), ['group']),
    ]),
    ('lookup', [
        ('name with an empty label', dict(name='a..example.com'), ['a..example.com']),
        ('unknown record type', dict(name='www.example.com', record_type='BOGUS'), ['record_type']),
    ]),
    # modules of the later areas (issue 3)
    ('dnspod_share', [
        ('bad e-mail', dict(email='not-an-email'), ['email']),
        ('mode not a choice', dict(email='friend@example.net', mode='x'), ['mode']),
        ('sub_domain with an empty label', dict(email='friend@example.net', sub_domain='a..b'), ['sub_domain']),
    ]),
    ('dnspod_alias', [
        ('alias that is not a name', dict(aliases=['not a domain']), ['aliases']),
        ('state not a choice', dict(aliases=['example.net'], state='gone'), ['state']),
    ]),
    ('dnspod_group', [
        ('state not a choice', dict(name='web', state='gone'), ['state']),
        ('neither name nor group_id', dict(), ['name']),
    ]),
    ('dnspod_lock', [
        ('state not a choice', dict(state='open'), ['state']),
        ('lock for zero days', dict(state='locked', days=0), ['days']),
    ]),
    ('dnspod_monitor', [
        ('port over 65535', dict(sub_domain='www', value='192.0.2.1', host='www.example.com', port=70000),
         ['port']),
        ('interval not a choice', dict(sub_domain='www', host='www.example.com', monitor_interval=30),
         ['monitor_interval']),
        ('monitor type not a choice', dict(sub_domain='www', host='www.example.com', monitor_type='ftp'),
         ['monitor_type']),
    ]),
    ('dnspod_ddns', [
        ('record type not A/AAAA', dict(sub_domain='home', record_type='MX', value='192.0.2.1'), ['record_type']),
        ('malformed IPv4 address', dict(sub_domain='home', value='300.1.1.1'), ['value']),
        ('IPv6 address for an A record', dict(sub_domain='home', record_type='A', value='2001:db8::1'), ['value']),
    ]),
    ('dnspod_account', [
        ('bad new e-mail', dict(new_email='not-an-email'), ['new_email']),
    ]),
    ('dnspod_upgrade', [
        ('malformed ip_addr', dict(grade='DP_Plus', term='1', ip_addr='not-an-ip'), ['ip_addr']),
    ]),
    ('dnspod_agent_user', [
        ('bad e-mail', dict(email='not-an-email'), ['email']),
        ('user type not a choice', dict(email='user@example.net', user_type='company'), ['user_type']),
    ]),
    ('dnspod_domain_acquire', [
        ('bad e-mail', dict(email='not-an-email'), ['email']),
    ]),
    ('dnspod_share_info', [
        ('bad e-mail', dict(email='not-an-email'), ['email']),
    ]),
    ('dnspod_monitor_info', [
        ('gather not a choice', dict(gather=['bogus']), ['gather']),
    ]),
    ('dnspod_account_info', [
        ('gather not a choice', dict(gather=['bogus']), ['gather']),
    ]),
    ('dnspod_product_info', [
        ('type not a choice', dict(type='reseller'), ['type']),
    ]),
    ('dnspod_group_info', [
        ('group_type not a choice', dict(group_type='shared'), ['group_type']),
    ]),
])


def test_bad_input_fails_before_any_write(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'))))
    result_file = tmp_path / 'bad.json'
    cases = dict((module, [options for _name, options, _words in items]) for module, items in CASES.items())
    play('bad_input_matrix.yml', {'cases': cases, 'result_file': str(result_file)})
    results = json.loads(result_file.read_text())
    problems = []
    tried = 0
    for module, items in CASES.items():
        assert len(results[module]) == len(items), module
        for (name, _options, words), result in zip(items, results[module]):
            tried += 1
            msg = str(result.get('msg', ''))
            if not result.get('failed'):
                problems.append('%s / %s: did not fail' % (module, name))
            elif not all(word in msg for word in words):
                problems.append('%s / %s: %s not in %r' % (module, name, words, msg))
    log = emulator.requests()
    writes = [e for e in log if e['write_action']]
    assert not problems, '\n'.join(problems)
    assert writes == [], [(e['action'], e['code']) for e in writes]
    assert tried >= 40
    # the grade checks read only for the cases that need them: one Record.Type per type case, one
    # Record.Line per line case
    reads = collections.Counter(e['action'] for e in log if e['action'] in ('Record.Type', 'Record.Line'))
    assert reads == {'Record.Type': 2, 'Record.Line': 3}, reads
    os.makedirs(os.path.join(REPO, '.cache', 'reliability'), exist_ok=True)
    with open(os.path.join(REPO, '.cache', 'reliability', 'bad_input.json'), 'w', encoding='utf-8') as handle:
        json.dump({'cases tried': tried, 'modules': len(CASES), 'calls made': len(log),
                   'write actions sent': len(writes), 'grade reads (Record.Type/Record.Line)': dict(reads),
                   'calls by action': dict(collections.Counter(e['action'] for e in log))},
                  handle, indent=1, sort_keys=True)
