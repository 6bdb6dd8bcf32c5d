"""record_module's listing of a domain's records by name or ID: pages, the domain block, filters,
and the checks that need the grade."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import record_module
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.areas import DNSPodAPI
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError


class FakeClient(DNSPodClient):
    """Answers Record.List like the API: `total` records, pages cut at `page_size`, a domain block.
    Only ``call`` is replaced: the paging of the real client runs."""

    def __init__(self, records, page_size=3000, domain_block=True):
        DNSPodClient.__init__(self, api_url='http://127.0.0.1:9', login_token='1,fake-token')
        self.records = records
        self.page_size = page_size
        self.domain_block = domain_block
        self.sent = []

    def call(self, action, params=None, empty_codes=()):
        self.sent.append((action, dict(params)))
        offset, length = int(params['offset']), int(params['length'])
        answer = {'info': {'record_total': str(len(self.records))},
                  'records': self.records[offset:offset + length]}
        if self.domain_block:
            answer['domain'] = {'id': 4242, 'name': 'example.com', 'punycode': 'example.com',
                                'grade': 'DP_Free', 'owner': 'api@example.com'}
        return answer


def raw(i, name=None, rtype='A'):
    return {'id': str(1000 + i), 'name': name or 'host%d' % i, 'line': '默认', 'type': rtype, 'ttl': '600',
            'value': '192.0.2.%d' % (i % 250 + 1), 'mx': '0', 'enabled': '1', 'status': 'enabled'}


@pytest.mark.parametrize('total, page_size, pages', [
    (0, 3000, 1), (2, 3000, 1), (3000, 3000, 1), (3001, 3000, 2), (5002, 3000, 2), (6001, 3000, 3), (10, 3, 4),
])
def test_pages_are_ceil_of_total_over_page_size(total, page_size, pages):
    client = FakeClient([raw(i) for i in range(total)], page_size=page_size)
    domain, records = Records(client).list_with_domain('Example.COM')
    assert len(client.sent) == pages
    sent = [params for action, params in client.sent if action == 'Record.List']
    assert [int(p['offset']) for p in sent] == [i * page_size for i in range(pages)]
    assert all(p['length'] == page_size and p['domain'] == 'example.com' and 'domain_id' not in p for p in sent)
    assert len(records) == total
    # The domain block of the answer: its ID is a string whatever the answer's type.
    assert (domain['id'], domain['name'], domain['grade']) == ('4242', 'example.com', 'DP_Free')


def test_domain_id_is_sent_as_domain_id():
    client = FakeClient([raw(1)])
    Records(client).list_with_domain(' 4242 ')
    assert client.sent[0][1]['domain_id'] == '4242' and 'domain' not in client.sent[0][1]


def test_filters_are_sent_and_applied_again():
    # The server's sub_domain=@ also answers '*' records: they are dropped here.
    client = FakeClient([raw(1, '@'), raw(2, '*'), raw(3, '@', 'MX')])
    records = Records(client).list_with_domain('example.com', sub_domain='@', record_type='A',
                                               record_line='默认')[1]
    assert [r['id'] for r in records] == ['1001']
    sent = client.sent[0][1]
    assert (sent['sub_domain'], sent['record_type'], sent['record_line']) == ('@', 'A', '默认')


def test_answer_without_domain_block_gives_none():
    client = FakeClient([], domain_block=False)
    assert Records(client).list_with_domain('example.com') == (None, [])


def test_server_ignoring_offset_stops_after_a_page_of_nothing_new():
    class IgnoresOffset(FakeClient):
        def call(self, action, params):
            return FakeClient.call(self, action, dict(params, offset=0))
    client = IgnoresOffset([raw(i) for i in range(5)], page_size=3)
    records = Records(client).list_with_domain('example.com')[1]
    assert len(client.sent) == 2 and len(records) == 3


def test_check_grade_names_the_item():
    sets = [DesiredSet('a', 'A', '默认', ['192.0.2.1'], ttl=600), DesiredSet('b', 'A', '默认', ['192.0.2.2'], ttl=60)]
    record_module.check_grade(sets, None)                     # grade unknown: nothing to check
    record_module.check_grade(sets, 'DP_Extra')               # 60 is allowed on a paid grade
    with pytest.raises(ValidationError) as info:
        record_module.check_grade(sets, 'DP_Free', lambda index: 'records[%d].' % index)
    assert info.value.parameter == 'records[1].ttl'


# -- check_writes: type/line of the grade and the CNAME rule, before any write --------------------
class FakeTask(object):
    """What record_module's readers use of runner.Task: the API over the client, check mode, warn,
    and resolve_domain (runner.Task's own)."""
    check_mode = False
    resolve_domain = runner.Task.resolve_domain

    def __init__(self, client):
        self.client = client
        self.api = DNSPodAPI(client)
        self.warnings = []

    def warn(self, text):
        self.warnings.append(text)


# -- read_at_full_name: a domain ID with a full host name, without Domain.Info -------------------
class ZoneClient(FakeClient):
    """The domain 4242 is ``zone``; Domain.Info answers it too (only the fallback may send it)."""

    def __init__(self, zone, records, domain_block=True):
        FakeClient.__init__(self, records, domain_block=domain_block)
        self.zone = zone

    def call(self, action, params=None, empty_codes=()):
        if action == 'Domain.Info':
            self.sent.append((action, dict(params)))
            return {'domain': {'id': '4242', 'name': self.zone, 'punycode': self.zone, 'grade': 'DP_Free'}}
        answer = FakeClient.call(self, action, params, empty_codes)
        if 'domain' in answer:
            answer['domain'] = dict(answer['domain'], name=self.zone, punycode=self.zone)
        return answer


def relative_reading(full_name):
    def reading(zone):
        from ansible_collections.dnspod.dnspod.plugins.module_utils import names
        try:
            sub = names.relative_name(full_name, zone)
        except ValueError as exc:
            raise ValidationError('sub_domain', str(exc))
        return sub, dict(sub_domain=sub, record_type='A')
    return reading


def read_full(zone, full_name, records=(), domain_block=True):
    client = ZoneClient(zone, list(records), domain_block=domain_block)
    try:
        sub, domain, found = record_module.read_at_full_name(FakeTask(client), '4242', full_name,
                                                             relative_reading(full_name))
    except TaskError as exc:
        return client, str(exc)
    return client, (sub, domain['name'], [r['id'] for r in found])


def test_full_name_in_the_likeliest_zone_is_one_listing():
    client, (sub, zone, ids) = read_full('example.com', 'www.example.com.', [raw(1, 'www'), raw(2, 'api')])
    assert (sub, zone, ids) == ('www', 'example.com', ['1001'])
    assert [(action, p.get('sub_domain'), p.get('domain_id')) for action, p in client.sent] == [
        ('Record.List', 'www', '4242')]


def test_full_name_in_another_zone_is_listed_again_for_that_zone():
    # The guess (example.com) reads the host as 'www.dev'; the answer names dev.example.com.
    client, (sub, zone, ids) = read_full('dev.example.com', 'www.dev.example.com.', [raw(1, 'www')])
    assert (sub, zone, ids) == ('www', 'dev.example.com', ['1001'])
    assert [(action, p.get('sub_domain')) for action, p in client.sent] == [
        ('Record.List', 'www.dev'), ('Record.List', 'www')]


def test_full_name_outside_the_zone_the_answer_names_fails_naming_sub_domain():
    client, msg = read_full('example.org', 'www.example.com.')
    assert msg.startswith('sub_domain: ') and 'outside the domain example.org' in msg
    assert [action for action, p in client.sent] == ['Record.List']


def test_answer_without_domain_block_falls_back_to_domain_info():
    client, (sub, zone, ids) = read_full('dev.example.com', 'www.dev.example.com.', domain_block=False)
    assert (sub, zone, ids) == ('www', 'dev.example.com', [])
    assert [action for action, p in client.sent] == ['Record.List', 'Domain.Info', 'Record.List']


def test_name_without_a_likely_zone_asks_domain_info_first():
    client, msg = read_full('example.com', 'localhost.')
    assert 'outside the domain example.com' in msg
    assert [action for action, p in client.sent] == ['Domain.Info']


class GradeClient(object):
    """Answers Record.Type/Record.Line for DP_Free (the emulator's table); counts the calls."""
    default_line = '默认'

    def __init__(self):
        self.sent = []
        self.calls = 0
        self.writes = 0

    def call(self, action, params):
        self.sent.append((action, dict(params)))
        self.calls += 1
        if action == 'Record.Type':
            return {'types': ['A', 'CNAME', 'MX', 'TXT', 'NS', 'AAAA', 'SRV', 'URL']}
        if action == 'Record.Line':
            return {'lines': ['默认', '电信', '联通']}
        raise AssertionError(action)


def canonical(name, rtype, value, line='默认', rid='1', hold=False):
    return dict(id=rid, sub_domain=name, record_type=rtype, record_line=line, value=value, ttl=600, mx=0,
                weight=None, status='enabled', remark='', hold=hold)


def creates(*records):
    from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import Operation
    return [Operation('create', after=dict(r, id=None)) for r in records]


DOMAIN = dict(id='4242', name='example.com', grade='DP_Free')
NS = [canonical('@', 'NS', 'f1g1ns1.dnspod.net.', rid='1', hold=True),
      canonical('@', 'NS', 'f1g1ns2.dnspod.net.', rid='2', hold=True)]


def check(current, operations, prefix=None):
    client = GradeClient()
    try:
        record_module.check_writes(DNSPodAPI(client), DOMAIN, current, operations, prefix)
    except TaskError as exc:
        assert exc.details['operations'] == [op.to_dict() for op in operations]
        return client, str(exc)
    return client, None


def test_common_writes_send_nothing_more():
    client, msg = check(NS, creates(canonical('www', 'A', '192.0.2.1'), canonical('m', 'MX', 'mx.example.net.'),
                                    canonical('alias', 'CNAME', 'x.example.net.')))
    assert msg is None and client.sent == []


def test_type_outside_the_grade_fails_naming_record_type_with_the_grade_types():
    client, msg = check([], creates(canonical('@', 'CAA', '0 issue "ca.example.net"')))
    assert [a for a, _p in client.sent] == ['Record.Type']
    assert client.sent[0][1] == {'domain_grade': 'DP_Free'}
    assert msg.startswith('record_type: CAA') and 'A, CNAME, MX' in msg
    client, msg = check([], creates(canonical('_sip._tcp', 'SRV', '10 5 5060 sip.example.com.')))
    assert msg is None and [a for a, _p in client.sent] == ['Record.Type']


@pytest.mark.parametrize('line', ['Mars', '铁通'])
def test_line_outside_the_grade_fails_naming_record_line(line):
    client, msg = check([], creates(canonical('www', 'A', '192.0.2.1', line=line)),
                        lambda name, rtype, line: 'records[3].')
    assert [a for a, _p in client.sent] == ['Record.Line']
    assert msg.startswith('records[3].record_line: %s' % line) and '电信, 联通' in msg


def test_known_line_is_checked_once_or_not_at_all():
    client, msg = check([], creates(canonical('a', 'A', '192.0.2.1', line='电信'),
                                    canonical('b', 'A', '192.0.2.1', line='电信')))
    assert msg is None and [a for a, _p in client.sent] == ['Record.Line']
    # a line a record of the domain already uses needs no read
    client, msg = check([canonical('x', 'A', '192.0.2.9', line='电信')], creates(canonical('a', 'A', '192.0.2.1', line='电信')))
    assert msg is None and client.sent == []


@pytest.mark.parametrize('current, new', [
    (NS, canonical('@', 'CNAME', 'x.example.net.')),
    ([canonical('www', 'A', '192.0.2.1')], canonical('www', 'CNAME', 'x.example.net.')),
    ([canonical('www', 'CNAME', 'x.example.net.')], canonical('www', 'TXT', 'hello')),
])
def test_cname_beside_another_record_fails_without_a_call(current, new):
    client, msg = check(current, creates(new))
    assert client.sent == []
    assert msg.startswith('record_type: a CNAME record cannot share its sub_domain %s' % new['sub_domain'])
    assert current[0]['value'] in msg or new['value'] in msg


def test_cname_after_the_plan_removes_the_other_record_is_fine():
    from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import Operation
    a = canonical('www', 'A', '192.0.2.1', rid='7')
    ops = [Operation('remove', record_id='7', before=a)] + creates(canonical('www', 'CNAME', 'x.example.net.'))
    client, msg = check([a], ops)
    assert msg is None and client.sent == []
    # another line, or an untouched conflict elsewhere, does not count
    client, msg = check([a, canonical('old', 'A', '1.1.1.1', rid='8'), canonical('old', 'CNAME', 'y.example.net.', rid='9')],
                        creates(canonical('www', 'CNAME', 'x.example.net.', line='电信')))
    assert msg is None and [x for x, _p in client.sent] == ['Record.Line']


# -- desired_set: MX values that carry their priority -----------------------------------------------
def test_desired_set_reads_the_priority_each_mx_value_carries():
    params = dict(sub_domain='@', record_type='mx', value=['10 mx1.example.com', '20 MX2.example.com.', 'mx3'],
                  mx=15)
    desired = record_module.desired_set(params, 'example.com', '默认')
    assert desired.values == ['mx1.example.com.', 'mx2.example.com.', 'mx3.']
    assert [desired.mx_for(v) for v in desired.values] == [10, 20, 15]
    assert desired.mx == 15


def test_desired_set_names_the_item_of_a_bad_carried_priority():
    params = dict(sub_domain='@', record_type='MX', value=['10 mx1.example.com', '25 mx2.example.com'])
    with pytest.raises(ValidationError) as info:
        record_module.desired_set(params, 'example.com', '默认', parameter_prefix='records[3].')
    assert info.value.parameter == 'records[3].value' and 'outside 1 to 20' in str(info.value)
