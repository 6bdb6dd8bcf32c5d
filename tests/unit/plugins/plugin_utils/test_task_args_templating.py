# -*- coding: utf-8 -*-
"""task_args.finalize_plain against the templating of the same arguments: ansible-core 2.19 and
later template task arguments through finalize_task_arg (the TemplateEngine this compares with).
Before 2.19 there is no such hook and no such engine, and the action plugin templates as Ansible
does (the module is skipped there: the path it tests does not exist on those cores)."""
import json

import pytest

from ansible_collections.dnspod.dnspod.plugins.plugin_utils import task_args

# finalize_plain: ansible-core 2.19 and later template task arguments through finalize_task_arg.

templating = pytest.importorskip('ansible._internal._templating._engine')


@pytest.fixture
def engine(tmp_path):
    """A TemplateEngine over variables loaded from a vars file, as vars_files loads them."""
    from ansible.parsing.dataloader import DataLoader

    def make(variables):
        path = tmp_path / 'vars.json'
        path.write_text(json.dumps(variables))
        loader = DataLoader()
        return templating.TemplateEngine(loader=loader, variables=dict(loader.load_from_file(str(path))))
    return make


def trusted(text):
    from ansible.template import trust_as_template
    return trust_as_template(text)


SETS = [{'sub_domain': 'host%d' % i, 'record_type': 'A', 'value': ['192.0.2.%d' % i], 'ttl': 600, 'weight': None,
         'status': 'enabled'} for i in range(1, 50)]


def test_one_variable_of_plain_data_is_copied_as_templating_gives_it(engine):
    templar = engine({'sets': SETS, 'name': 'example.com'})
    plain = task_args.finalize_plain(trusted('{{ sets }}'), templar)
    assert plain is not None
    assert plain == templar.template(trusted('{{ sets }}')) == SETS
    assert [type(plain[0]['sub_domain']), type(plain[0]['ttl'])] == [str, int]
    assert task_args.finalize_plain(trusted('{{sets}}'), templar) == SETS


def test_written_out_values_are_copied(engine):
    templar = engine({'x': 1})
    value = [dict(s) for s in SETS[:3]]
    assert task_args.finalize_plain(value, templar) == SETS[:3]


@pytest.mark.parametrize('variables, template', [
    ({'sets': [{'value': '{{ ip }}'}], 'ip': '192.0.2.1'}, '{{ sets }}'),        # a template inside
    ({'sets': [{'value': '{% if 1 %}x{% endif %}'}]}, '{{ sets }}'),
    ({'sets': [{'value': 'a {# note #}'}]}, '{{ sets }}'),
    ({'sets': SETS}, '{{ sets | list }}'),                                         # an expression
    ({'sets': SETS}, '{{ sets }} '),
    ({'sets': SETS}, '#jinja2:variable_start_string:"[[" \n{{ sets }}'),
    ({'other': SETS}, '{{ sets }}'),                                               # undefined
    ({'sets': 'text'}, '{{ sets }}'),                                              # not a container
])
def test_anything_templating_may_change_is_templated(engine, variables, template):
    templar = engine(variables)
    assert task_args.finalize_plain(trusted(template), templar) is None


def test_an_untrusted_string_is_not_a_template(engine):
    templar = engine({'sets': SETS})
    assert task_args.finalize_plain('{{ sets }}', templar) is None


def test_a_deprecated_variable_is_templated(engine):
    from ansible.module_utils.datatag import deprecate_value
    templar = engine({'x': 1})
    templar.available_variables = dict(templar.available_variables, sets=[deprecate_value({'a': 'b'}, 'old', version='2.0.0')])
    assert task_args.finalize_plain(trusted('{{ sets }}'), templar) is None


def test_plain_task_args_falls_back_to_the_action_base():
    calls = []

    class Base(object):
        @classmethod
        def finalize_task_arg(cls, name, value, templar, context):
            calls.append(name)
            return 'templated'

    class Action(task_args.PlainTaskArgs, Base):
        pass

    class Templar(object):
        available_variables = {'sets': SETS}

    assert Action.finalize_task_arg('records', trusted('{{ sets }}'), Templar(), None) == SETS
    assert calls == []
    assert Action.finalize_task_arg('domain', trusted('{{ domain_name }}'), Templar(), None) == 'templated'
    assert calls == ['domain']
