# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Task arguments of thousands of items without Ansible's per-value templating cost.

From ansible-core 2.19 on, a task's arguments are templated (finalized) through the action
plugin's ``finalize_task_arg``: ``records: "{{ sets }}"`` over 10,000 record sets makes Ansible
wrap every set in a lazy container, look at each of its 40,000 values through the templating
engine and copy it with its tags. That took 0.55-0.65 s at 10,000 sets, more than everything the
task itself does (docs/performance.md, "10,000 sets"), and the copy's tagged strings cost again
when the task's fields are pickled back to the controller.

Templating changes nothing in data that holds no template: plain containers of plain scalars
whose strings contain no template syntax come out equal, only copied. ``PlainTaskArgs`` checks
for exactly that (one walk over the data, about 40 ms at 10,000 sets) and returns a plain copy;
anything else goes to Ansible's own templating as before:

* a string argument must be a trusted template that names one variable and nothing else
  (``{{ sets }}``); any other template (filters, ``omit``, tests, a ``#jinja2:`` header) is
  Ansible's;
* the values (the variable's value, or an argument written out in the task) may be dicts and
  lists of strings, numbers, booleans and None only, strings without ``{{``, ``{%`` or ``{#``;
* no value may carry a tag other than its origin (``Origin``) and template trust
  (``TrustedAsTemplate``): a deprecated variable (``Deprecated``) warns when templated, a vaulted
  value is decrypted by it, and both stay Ansible's.

Before ansible-core 2.19 there is no ``finalize_task_arg``: the class adds nothing there.
"""

from __future__ import annotations

import copy
import re

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

try:
    from ansible._internal._datatag._tags import Origin, TrustedAsTemplate
    from ansible.module_utils._internal._datatag import (
        AnsibleTagHelper,
        _AnsibleTaggedDict,
        _AnsibleTaggedFloat,
        _AnsibleTaggedInt,
        _AnsibleTaggedList,
        _AnsibleTaggedStr,
    )
except ImportError:  # ansible-core before 2.19: no data tagging, no finalize_task_arg
    AnsibleTagHelper = None
    _ALLOWED_TAGS = frozenset()
    _TAGGED = {}
else:
    _ALLOWED_TAGS = frozenset((Origin, TrustedAsTemplate))
    # The tagged types of what may be copied, and the plain type each one is a subclass of.
    _TAGGED = {_AnsibleTaggedStr: str, _AnsibleTaggedInt: int, _AnsibleTaggedFloat: float,
               _AnsibleTaggedDict: dict, _AnsibleTaggedList: list}

# A template that is one variable's name and nothing else, as Jinja reads ``{{ sets }}``.
_ONE_VARIABLE = re.compile(r'\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}')

# What Ansible takes as a possible template (is_possibly_template): a start string, or a header
# (``#jinja2:``) that may set other start strings.
_TEMPLATE_MARKS = ('{{', '{%', '{#')
_HEADER = '#jinja2:'


class _NotPlain(Exception):
    """Raised by plain_copy for a value that templating could change."""


def _plain_str(value):
    if ('{' in value and any(mark in value for mark in _TEMPLATE_MARKS)) or ('#' in value and _HEADER in value):
        raise _NotPlain()
    return str.__str__(value)


def plain_copy(value):
    """A copy of ``value`` in plain dicts, lists, strings and numbers when templating it would
    give the same (it holds no template and nothing else templating acts on); raises _NotPlain
    otherwise."""
    kind = type(value)
    if kind is str:
        return _plain_str(value)
    if value is None or kind is bool or kind is int or kind is float:
        return value
    plain = _TAGGED.get(kind)
    if plain is None and kind is not dict and kind is not list:
        # Lazy containers, markers (undefined), vaulted strings, dates, tuples, sets: Ansible's.
        raise _NotPlain()
    if plain is not None:
        # Tagged: only with its origin and template trust (a Deprecated tag warns when templated).
        for tag in AnsibleTagHelper.tag_types(value):
            if tag not in _ALLOWED_TAGS:
                raise _NotPlain()
        kind = plain
    if kind is str:
        return _plain_str(value)
    if kind is dict:
        return dict((plain_copy(key), plain_copy(item)) for key, item in value.items())
    if kind is list:
        return [plain_copy(item) for item in value]
    return kind(value)


def one_variable(value):
    """The name of the variable when ``value`` is a trusted template of that one variable only
    (``{{ sets }}``), else None."""
    if type(value) is str or not isinstance(value, str) or value.startswith(_HEADER):  # pylint: disable=unidiomatic-typecheck
        # An untagged string is not trusted: Ansible leaves it as it is.
        return None
    if TrustedAsTemplate not in AnsibleTagHelper.tag_types(value):
        return None
    match = _ONE_VARIABLE.fullmatch(value)
    return match.group(1) if match else None


def finalize_plain(value, templar):
    """The finalized value of a task argument when templating cannot change it (a plain copy),
    else None."""
    if AnsibleTagHelper is None:
        return None
    try:
        if isinstance(value, str):
            name = one_variable(value)
            variables = getattr(templar, 'available_variables', None)
            if name is None or variables is None or name not in variables:
                return None
            value = variables[name]
            if not isinstance(value, (dict, list)):
                return None
        elif not isinstance(value, (dict, list)):
            return None
        return plain_copy(value)
    except _NotPlain:
        return None
    except RecursionError:
        return None


# Argument validation of list options of many dict items (validate_arguments).

# What an option of an item may say for the fast check: anything else is Ansible's to check.
_ITEM_SPEC_KEYS = frozenset(('type', 'required', 'default', 'choices', 'aliases'))
_ITEM_TYPES = frozenset(('str', 'int', 'bool', 'raw'))
# What a list option of dict items may say besides its items' options.
_LIST_SPEC_KEYS = frozenset(('type', 'elements', 'options', 'required', 'aliases', 'default'))
_SCALAR_TYPES = (str, int, float, bool)


class _NotSimple(Exception):
    """Raised by _simple_item for an item Ansible must validate (a conversion, an error, a warning)."""


def _item_aliases(options):
    """{alias: option} when every option of the items is one _simple_item can check, else None."""
    aliases = {}
    for name, spec in options.items():
        if not set(spec) <= _ITEM_SPEC_KEYS or spec.get('type', 'str') not in _ITEM_TYPES:
            return None
        for alias in spec.get('aliases') or ():
            aliases[alias] = name
    return aliases


def _simple_value(spec, value):
    kind = spec.get('type', 'str')
    value_type = type(value)
    if kind == 'raw':
        if value_type is list and all(type(element) in _SCALAR_TYPES for element in value):
            value = list(value)
        elif value_type not in _SCALAR_TYPES:
            raise _NotSimple()
    elif value_type is not {'str': str, 'int': int, 'bool': bool}[kind]:
        # A value of another type is converted (or refused) by Ansible, which may warn.
        raise _NotSimple()
    choices = spec.get('choices')
    if choices is not None and (value_type not in _SCALAR_TYPES or value not in choices):
        raise _NotSimple()
    return value


def _simple_item(options, aliases, item):
    """The item as ArgumentSpecValidator makes it (the aliases' options added, then the missing
    options with their default or None), when it needs no conversion and has no error; raises
    _NotSimple otherwise."""
    if type(item) is not dict:  # pylint: disable=unidiomatic-typecheck
        raise _NotSimple()
    result = {}
    for key, value in item.items():
        name = key if key in options else aliases.get(key) if isinstance(key, str) else None
        if name is None or value is None:
            # An unknown option is an error; None is checked (and turned into '' for a str) by Ansible.
            raise _NotSimple()
        result[key] = _simple_value(options[name], value)
    for name, spec in options.items():
        for alias in spec.get('aliases') or ():
            if alias in item:
                if name in result:
                    # The option and its alias, or two aliases: Ansible warns.
                    raise _NotSimple()
                result[name] = result[alias]
    for name, spec in options.items():
        if name not in result:
            if spec.get('required'):
                raise _NotSimple()
            default = spec.get('default')
            result[name] = default if type(default) in _SCALAR_TYPES or default is None else copy.deepcopy(default)
    return result


def simple_items(option, items):
    """The validated items of a list option of dicts (``type='list', elements='dict', options=...``),
    as ArgumentSpecValidator would give them, when every item needs no conversion and has no error;
    else None (then Ansible validates them)."""
    if type(items) is not list:  # pylint: disable=unidiomatic-typecheck
        return None
    if not set(option) <= _LIST_SPEC_KEYS or option.get('type') != 'list' or option.get('elements') != 'dict' \
            or not option.get('options'):
        return None
    options = option['options']
    aliases = _item_aliases(options)
    if aliases is None:
        return None
    try:
        return [_simple_item(options, aliases, item) for item in items]
    except _NotSimple:
        return None


def validate_arguments(argument_spec, args, **validator_kwargs):
    """ArgumentSpecValidator(argument_spec, **validator_kwargs).validate(args), with the items of
    a list option of dicts that need no conversion checked by simple_items: Ansible's per-item
    validation took 0.2 s at 10,000 record sets (about 20 microseconds an item), the simple check
    a tenth of that. The option is validated as an empty list and its items put back; the result
    is the same (tests/unit/plugins/plugin_utils/test_task_args.py compares them). Any error, or
    an item that is not simple, and Ansible validates everything as it was given."""
    validator = ArgumentSpecValidator(argument_spec, **validator_kwargs)
    simple = {}
    for name, option in argument_spec.items():
        if name in args and isinstance(option, dict):
            items = simple_items(option, args[name])
            if items is not None:
                simple[name] = items
    if not simple:
        return validator.validate(args)
    validated = validator.validate(dict(args, **dict((name, []) for name in simple)))
    if validated.errors.errors:
        return ArgumentSpecValidator(argument_spec, **validator_kwargs).validate(args)
    validated._validated_parameters.update(simple)
    return validated


class PlainTaskArgs:
    """Mixin of an action plugin (before ActionBase in its bases): task arguments that hold no
    template are finalized by copying them as plain data; every other one by Ansible."""

    @classmethod
    def finalize_task_arg(cls, name, value, templar, context):
        plain = finalize_plain(value, templar)
        if plain is not None:
            return plain
        return super().finalize_task_arg(name, value, templar, context)
