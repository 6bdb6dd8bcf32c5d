"""dnspod_api/groups.py: the Domaingroup.* actions, their parameters and answer shapes."""
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.groups import Groups
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError

WEB = dict(group_id='1985', group_name='web', group_type='custom', size=2)


class FakeClient:
    """Answers each action from a dict of answers, and keeps what was sent."""

    def __init__(self, answers):
        self.answers = answers
        self.sent = []
        self.once = []
        self.log = []

    def call(self, action, params=None, empty_codes=(), once=None):
        self.sent.append((action, params))
        if once:
            self.once.append(action)
        return self.answers.get(action, {})


def test_list_is_canonical_whether_a_list_or_a_dict():
    raw = [{'group_id': 1, 'group_name': '默认分组', 'group_type': 'system', 'size': 1},
           {'group_id': 2, 'group_name': 'ops', 'group_type': 'custom', 'size': None}]
    expected = [{'group_id': '1', 'group_name': '默认分组', 'group_type': 'system', 'size': 1},
                {'group_id': '2', 'group_name': 'ops', 'group_type': 'custom', 'size': 0}]
    assert Groups(FakeClient({'Domaingroup.List': {'groups': raw}})).list() == expected
    as_dict = {'groups': {'1': raw[0], '2': raw[1]}}
    assert Groups(FakeClient({'Domaingroup.List': as_dict})).list() == expected


def test_create_rename_remove_send_the_documented_parameters():
    client = FakeClient({'Domaingroup.Create': {'groups': {'id': '1985'}}})
    groups = Groups(client)
    assert groups.create('web') == '1985'
    groups.rename('1985', 'sites')
    groups.remove('1985')
    assert client.sent == [('Domaingroup.Create', {'group_name': 'web'}),
                           ('Domaingroup.Modify', {'group_id': '1985', 'group_name': 'sites'}),
                           ('Domaingroup.Remove', {'group_id': '1985'})]
    assert client.once == ['Domaingroup.Create']    # a second copy would answer "name taken"


def test_create_without_an_id_in_the_answer_looks_the_group_up():
    client = FakeClient({'Domaingroup.List': {'groups': [WEB]}})
    assert Groups(client).create('web') == '1985'
    assert [action for action, _params in client.sent] == ['Domaingroup.Create', 'Domaingroup.List']


def test_free_account_refusal_says_groups_need_a_paid_grade():
    text = str(DNSPodAPIError('Domaingroup.List', '-7', 'No permission'))
    assert 'code -7' in text and 'paid (VIP)' in text
    assert 'paid (VIP)' not in str(DNSPodAPIError('Record.List', '-7', 'No permission'))
