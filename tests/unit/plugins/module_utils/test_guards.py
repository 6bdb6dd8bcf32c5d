"""guards.py: empty lists and the plan-size rule (octoDNS's thresholds)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import guards
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import Operation
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError


def records(count, hold=0):
    return [{'id': str(n), 'hold': n <= hold} for n in range(1, count + 1)]


def ops(removes=(), modifies=(), statuses=(), creates=0):
    out = [Operation('remove', record_id=str(n)) for n in removes]
    out += [Operation('modify', record_id=str(n)) for n in modifies]
    out += [Operation('status', record_id=str(n)) for n in statuses]
    for dummy in range(creates):
        created = Operation('create')
        out += [created, Operation('status', parent=created)]
    return out


@pytest.mark.parametrize('value', [[], ()])
def test_an_empty_list_is_refused(value):
    with pytest.raises(ValidationError) as info:
        guards.check_values_not_empty(value, 'value', 'Say so.')
    assert str(info.value).startswith('value: is an empty list') and str(info.value).endswith('Say so.')


@pytest.mark.parametrize('value', [None, ['192.0.2.1'], '192.0.2.1'])
def test_other_values_pass(value):
    guards.check_values_not_empty(value, 'value', 'Say so.')


def test_purge_lists():
    guards.check_purge_list([], False, False, 'records', 'record set')
    guards.check_purge_list([], True, True, 'records', 'record set')
    guards.check_purge_list([{}], True, False, 'records', 'record set')
    with pytest.raises(ValidationError) as info:
        guards.check_purge_list([], True, False, 'aliases', 'alias')
    assert str(info.value) == 'aliases: is empty and purge=true would remove every alias; if that is meant, ' \
                              'set allow_empty=true'


def test_plan_size_counts_distinct_existing_records():
    current = records(12, hold=2)
    operations = ops(removes=[3, 4], modifies=[5, 5], statuses=[5, 6, 3], creates=4)
    # hold records are not counted; a removed record is not also an update; creates are free.
    assert guards.plan_size(current, operations) == (10, 2, 2)


@pytest.mark.parametrize('removes,fails', [(3, False), (4, True)])
def test_deletes_over_the_share_fail(removes, fails):
    current = records(10)
    params = {'max_update_percent': 30, 'max_delete_percent': 30, 'min_existing_records': 10, 'force': False}
    operations = ops(removes=range(1, removes + 1))
    if not fails:
        assert guards.check_plan_size(current, operations, params) == {'existing': 10, 'updates': 0,
                                                                       'deletes': removes}
        return
    with pytest.raises(ValidationError) as info:
        guards.check_plan_size(current, operations, params)
    assert info.value.parameter == 'max_delete_percent'
    assert 'delete 4 of the zone\'s 10 existing records (40.0%)' in str(info.value)
    guards.check_plan_size(current, operations, dict(params, force=True))
    guards.check_plan_size(current, operations, dict(params, max_delete_percent=40))
    guards.check_plan_size(current, operations, dict(params, min_existing_records=11))


def test_updates_over_the_share_fail():
    current = records(20)
    params = {'max_update_percent': 30, 'max_delete_percent': 30, 'min_existing_records': 10, 'force': False}
    with pytest.raises(ValidationError) as info:
        guards.check_plan_size(current, ops(modifies=range(1, 8)), params)
    assert info.value.parameter == 'max_update_percent' and '7 of the zone\'s 20' in str(info.value)
    guards.check_plan_size(current, ops(modifies=range(1, 7)), params)


@pytest.mark.parametrize('params,parameter', [
    ({'max_update_percent': 101}, 'max_update_percent'),
    ({'max_delete_percent': -1}, 'max_delete_percent'),
    ({'min_existing_records': -5}, 'min_existing_records'),
])
def test_options_are_checked(params, parameter):
    with pytest.raises(ValidationError) as info:
        guards.check_threshold_options(params)
    assert info.value.parameter == parameter
