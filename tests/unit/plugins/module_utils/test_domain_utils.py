"""The planning of dnspod_domain and dnspod_domain_info (module_utils/domain.py)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import domain as domain_util
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

CURRENT = dict(id='7', name='example.com', status='enabled', remark='', is_mark=False, group_id='1',
               searchengine_push=True, owner='a@example.com')


class FakeGroups:
    def __init__(self, groups):
        self.groups = groups
        self.listed = 0

    def list(self):
        self.listed += 1
        return self.groups


class FakeAPI:
    def __init__(self, groups=()):
        self.groups = FakeGroups(list(groups))


def test_clean_domain_keeps_ids_and_encodes_names():
    assert domain_util.clean_domain(' 123 ') == '123'
    assert domain_util.clean_domain('Bücher.Example.') == 'xn--bcher-kva.example'
    assert domain_util.clean_domain(None) is None
    with pytest.raises(TaskError, match='^domain: '):
        domain_util.clean_domain('bad_label.com')


def test_group_by_id_sends_nothing_and_by_name_ignores_case():
    api = FakeAPI([{'group_id': '1985', 'group_name': 'Web'}, {'group_id': '2', 'group_name': 'ops'}])
    assert domain_util.resolve_group_id(api, ' 5 ') == '5' and api.groups.listed == 0
    assert domain_util.resolve_group_id(api, 'web') == '1985' and api.groups.listed == 1
    with pytest.raises(TaskError) as info:
        domain_util.resolve_group_id(api, 'mail')
    assert str(info.value) == "group: no group named 'mail' in this account (groups: Web, ops)"


def test_plan_present_for_a_new_domain_and_a_known_one():
    changes, predicted = domain_util.plan_present(None, 'new.example', {'remark': 'x', 'status': 'enabled'})
    assert changes == {'remark': 'x', 'state': 'present'}     # a new domain is enabled already
    assert predicted['name'] == 'new.example' and predicted['group_id'] == '1' and predicted['remark'] == 'x'
    changes, after = domain_util.plan_present(CURRENT, 'example.com', {'is_mark': True, 'group_id': '1'})
    assert changes == {'is_mark': True} and after == dict(CURRENT, is_mark=True)
    assert domain_util.plan_present(CURRENT, 'example.com', {'status': 'enabled'}) == ({}, CURRENT)
    with pytest.raises(TaskError, match='^domain: no domain with ID 42 '):
        domain_util.plan_present(None, '42', {})


def test_a_domain_with_records_of_its_own_is_not_removed():
    domain_util.check_removable(CURRENT, [{'hold': True}, {'hold': True}])
    with pytest.raises(TaskError, match='^domain: example.com holds 1 record'):
        domain_util.check_removable(CURRENT, [{'hold': True}, {'hold': False}])


def test_transfer_to_the_owner_changes_nothing():
    assert domain_util.transfer_result(None, 'b@example.com', False, None) == (False, None)
    changed, before = domain_util.transfer_result(CURRENT, 'A@Example.com', False, None)
    assert not changed and before['owner'] == 'a@example.com'
    assert domain_util.transfer_diff(before, True, 'b@example.com')['after']['owner'] == 'b@example.com'
    assert domain_util.transfer_diff(None, False, 'b@example.com') == dict(before={}, after={})


@pytest.mark.parametrize('params, message', [
    (dict(domain=None, include_log=True, include_purview=False, group=None), '^include_log, include_purview: '),
    (dict(domain=None, include_log=False, include_purview=False, group='web'), '^group: give the numeric'),
    (dict(domain='transfer_to', include_log=False, include_purview=False, group=None), '^domain: '),
])
def test_info_options_refused(params, message):
    with pytest.raises(TaskError, match=message):
        domain_util.clean_info_params(params)


def test_transfer_to_is_checked():
    assert domain_util.clean_transfer_to(dict(transfer_to=None, state='absent')) is None
    assert domain_util.clean_transfer_to(dict(transfer_to=' b@example.com ', state='present')) == 'b@example.com'
    with pytest.raises(TaskError, match='^transfer_to: only with state=present'):
        domain_util.clean_transfer_to(dict(transfer_to='b@example.com', state='absent'))
    with pytest.raises(TaskError, match='^transfer_to: expected an e-mail'):
        domain_util.clean_transfer_to(dict(transfer_to='nobody', state='present'))
