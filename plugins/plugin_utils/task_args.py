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

import re

try:
    from ansible._internal._datatag._tags import Origin, TrustedAsTemplate
    from ansible.module_utils._internal._datatag import AnsibleTagHelper
except ImportError:  # ansible-core before 2.19: no data tagging, no finalize_task_arg
    AnsibleTagHelper = None
    _ALLOWED_TAGS = frozenset()
else:
    _ALLOWED_TAGS = frozenset((Origin, TrustedAsTemplate))

# A template that is one variable's name and nothing else, as Jinja reads ``{{ sets }}``.
_ONE_VARIABLE = re.compile(r'\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}')

# What Ansible takes as a possible template (is_possibly_template): a start string or a header.
_TEMPLATE_MARKS = ('{{', '{%', '{#')
_HEADER = '#jinja2:'


class _NotPlain(Exception):
    """Raised by plain_copy for a value that templating could change."""


def _plain_str(value):
    if _HEADER in value or any(mark in value for mark in _TEMPLATE_MARKS):
        raise _NotPlain()
    return str.__str__(value)


def _check_tags(value):
    tags = AnsibleTagHelper.tag_types(value)
    if tags and not tags <= _ALLOWED_TAGS:
        raise _NotPlain()


def plain_copy(value):
    """A copy of ``value`` in plain dicts, lists, strings and numbers when templating it would
    give the same (it holds no template and nothing else templating acts on); raises _NotPlain
    otherwise."""
    kind = type(value)
    if kind is str:
        return _plain_str(value)
    if value is None or kind is bool or kind is int or kind is float:
        return value
    # A tagged value is an instance of the plain type's subclass (str, int, float, dict, list).
    _check_tags(value)
    if isinstance(value, str):
        return _plain_str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, dict) and kind.__name__ in ('dict', '_AnsibleTaggedDict'):
        return dict((plain_copy(key), plain_copy(item)) for key, item in value.items())
    if isinstance(value, list) and kind.__name__ in ('list', '_AnsibleTaggedList'):
        return [plain_copy(item) for item in value]
    # Lazy containers, markers (undefined), vaulted strings, dates, tuples, sets: Ansible's.
    raise _NotPlain()


def one_variable(value):
    """The name of the variable when ``value`` is a trusted template of that one variable only
    (``{{ sets }}``), else None."""
    if type(value) is str or not isinstance(value, str) or value.startswith(_HEADER):
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


class PlainTaskArgs:
    """Mixin of an action plugin (before ActionBase in its bases): task arguments that hold no
    template are finalized by copying them as plain data; every other one by Ansible."""

    @classmethod
    def finalize_task_arg(cls, name, value, templar, context):
        plain = finalize_plain(value, templar)
        if plain is not None:
            return plain
        return super().finalize_task_arg(name, value, templar, context)
