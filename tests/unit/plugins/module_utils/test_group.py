"""Pure planning of dnspod_group (module_utils/group.py)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import group as g

SYSTEM = [dict(group_id=str(i), group_name=n, group_type='system', size=0)
          for i, n in enumerate(['默认分组', '经常修改', '很少修改', '即将到期', '私人域名', '公司域名', '客户域名', '与我共享'], 1)]
WEB = dict(group_id='1985', group_name='web', group_type='custom', size=2)
MAIL = dict(group_id='1986', group_name='mail', group_type='custom', size=0)
GROUPS = SYSTEM + [WEB, MAIL]


@pytest.mark.parametrize('kwargs, expected', [
    (dict(name='web'), (None, WEB)),
    (dict(name='new'), ('create', None)),
    (dict(name='默认分组'), (None, SYSTEM[0])),
    (dict(name='Web'), ('create', None)),                    # names are compared exactly
    (dict(name='sites', old_name='web'), ('rename', WEB)),
    (dict(name='sites', group_id='1985'), ('rename', WEB)),
    (dict(name='web', group_id='1985'), (None, WEB)),
    (dict(name='web', old_name='old-web'), (None, WEB)),     # renamed on an earlier run
    (dict(name='经常修改', group_id='2'), (None, SYSTEM[1])),    # a system group named as it is
])
def test_plan_present(kwargs, expected):
    assert g.plan(GROUPS, 'present', **kwargs) == expected


@pytest.mark.parametrize('kwargs, message', [
    (dict(name='x', group_id='2'), 'system group'),
    (dict(name='x', old_name='默认分组'), 'system group'),
    (dict(name='mail', old_name='web'), 'already named'),
    (dict(name='x', group_id='4242'), 'group_id: no group 4242'),
    (dict(name='x', old_name='gone'), "old_name: no group 'gone'"),
])
def test_plan_present_refusals(kwargs, message):
    with pytest.raises(g.GroupError, match=message):
        g.plan(GROUPS, 'present', **kwargs)


@pytest.mark.parametrize('kwargs, expected', [
    (dict(name='web'), ('remove', WEB)),
    (dict(group_id='1986'), ('remove', MAIL)),
    (dict(group_id='1986', name='mail'), ('remove', MAIL)),
    (dict(name='gone'), (None, None)),
    (dict(group_id='4242'), (None, None)),
])
def test_plan_absent(kwargs, expected):
    assert g.plan(GROUPS, 'absent', **kwargs) == expected


def test_plan_absent_refusals():
    with pytest.raises(g.GroupError, match='system group'):
        g.plan(GROUPS, 'absent', name='与我共享')
    with pytest.raises(g.GroupError, match='group_id: .*system group'):
        g.plan(GROUPS, 'absent', group_id='1')
    with pytest.raises(g.GroupError, match="named 'web', not 'mail'"):
        g.plan(GROUPS, 'absent', group_id='1985', name='mail')


def test_clean_name_and_id():
    assert g.clean_name('  web ') == 'web'
    assert g.clean_name(None) is None
    with pytest.raises(g.GroupError, match='^name: .*empty'):
        g.clean_name('   ')
    with pytest.raises(g.GroupError, match='^old_name: .*control'):
        g.clean_name('a\tb', option='old_name')
    assert g.clean_group_id(' 0042 ') == '42'
    for bad in ('web', '0', '-1', '1.5', ''):
        with pytest.raises(g.GroupError, match='^group_id: '):
            g.clean_group_id(bad)


def test_is_system_and_view():
    assert g.is_system(SYSTEM[7]) and not g.is_system(WEB)
    assert g.is_system(dict(group_id='3', group_name='x', group_type=''))
    assert not g.is_system(dict(group_id='1985', group_name='x', group_type=''))
    assert g.view(None) == {}
    assert g.view(dict(group_id=7, group_name='客户域名', group_type='', size=None)) == dict(
        group_id='7', group_name='客户域名', group_type='system', size=0)
    assert g.renamed(WEB, 'sites') == dict(WEB, group_name='sites')
    assert g.new_group('x') == dict(group_id=None, group_name='x', group_type='custom', size=0)
