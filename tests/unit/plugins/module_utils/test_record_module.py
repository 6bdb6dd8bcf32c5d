"""record_module's listing of a domain's records by name or ID: pages, the domain block, filters,
and the checks that need the grade."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import record_module
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError


class FakeClient(object):
    """Answers Record.List like the API: `total` records, pages cut at `page_size`, a domain block."""

    def __init__(self, records, page_size=3000, domain_block=True):
        self.records = records
        self.page_size = page_size
        self.domain_block = domain_block
        self.sent = []

    def call(self, action, params):
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
    domain, records = record_module.list_domain_records(client, 'Example.COM')
    assert len(client.sent) == pages
    sent = [params for action, params in client.sent if action == 'Record.List']
    assert [int(p['offset']) for p in sent] == [i * page_size for i in range(pages)]
    assert all(p['length'] == page_size and p['domain'] == 'example.com' and 'domain_id' not in p for p in sent)
    assert len(records) == total
    # The domain block of the answer: its ID is a string whatever the answer's type.
    assert (domain['id'], domain['name'], domain['grade']) == ('4242', 'example.com', 'DP_Free')


def test_domain_id_is_sent_as_domain_id():
    client = FakeClient([raw(1)])
    record_module.list_domain_records(client, ' 4242 ')
    assert client.sent[0][1]['domain_id'] == '4242' and 'domain' not in client.sent[0][1]


def test_filters_are_sent_and_applied_again():
    # The server's sub_domain=@ also answers '*' records: they are dropped here.
    client = FakeClient([raw(1, '@'), raw(2, '*'), raw(3, '@', 'MX')])
    records = record_module.list_domain_records(client, 'example.com', sub_domain='@', record_type='A',
                                                record_line='默认')[1]
    assert [r['id'] for r in records] == ['1001']
    sent = client.sent[0][1]
    assert (sent['sub_domain'], sent['record_type'], sent['record_line']) == ('@', 'A', '默认')


def test_answer_without_domain_block_gives_none():
    client = FakeClient([], domain_block=False)
    assert record_module.list_domain_records(client, 'example.com') == (None, [])


def test_server_ignoring_offset_stops_after_a_page_of_nothing_new():
    class IgnoresOffset(FakeClient):
        def call(self, action, params):
            return FakeClient.call(self, action, dict(params, offset=0))
    client = IgnoresOffset([raw(i) for i in range(5)], page_size=3)
    records = record_module.list_domain_records(client, 'example.com')[1]
    assert len(client.sent) == 2 and len(records) == 3


def test_check_grade_names_the_item():
    sets = [DesiredSet('a', 'A', '默认', ['192.0.2.1'], ttl=600), DesiredSet('b', 'A', '默认', ['192.0.2.2'], ttl=60)]
    record_module.check_grade(sets, None)                     # grade unknown: nothing to check
    record_module.check_grade(sets, 'DP_Extra')               # 60 is allowed on a paid grade
    with pytest.raises(ValidationError) as info:
        record_module.check_grade(sets, 'DP_Free', lambda index: 'records[%d].' % index)
    assert info.value.parameter == 'records[1].ttl'
