# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The account: the checks and the plan of dnspod_account (the calls are in dnspod_api/account.py).
Accounts are the canonical dicts of ``dnspod_api.account.normalize_user``."""

from __future__ import annotations

import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.account import parse_log_line
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_str

PROFILE_FIELDS = ('real_name', 'nick', 'telephone', 'im')
DIFF_FIELDS = ('email',) + PROFILE_FIELDS + ('telephone_verified', 'email_verified')
HIDDEN = '********'
TELEPHONE = re.compile(r'^\+?[0-9]{5,20}$')
IM = re.compile(r'^[0-9]{0,20}$')
MAX_TEXT = 100


def wanted_profile(params):
    """The profile fields the task sets (None = leave as it is), validated. Raises ValidationError."""
    wanted = {}
    for name in PROFILE_FIELDS:
        value = params.get(name)
        if value is None:
            continue
        value = str(value).strip()
        if len(value) > MAX_TEXT:
            raise validation.ValidationError(name, 'at most %d characters, got %d' % (MAX_TEXT, len(value)))
        if name == 'telephone' and not TELEPHONE.match(value):
            raise validation.ValidationError(name, '%r is not a telephone number (digits, an optional leading +)'
                                             % value)
        if name == 'im' and not IM.match(value):
            raise validation.ValidationError(name, '%r is not a QQ number (digits; empty clears it)' % value)
        wanted[name] = value
    return wanted


def profile_changes(current, wanted):
    """The fields whose wanted value differs from User.Detail's: what User.Modify must send."""
    return dict((name, value) for name, value in wanted.items() if to_str(current.get(name)) != value)


def email_change(current_email, new_email, old_email=None):
    """None when the account already has ``new_email`` (case-insensitive), else ``(old, new)`` for
    Useremail.Modify. ``old_email``, when given, must be the current address unless the change
    is already done. Raises ValidationError."""
    new = validation.validate_email(str(new_email).strip(), 'new_email')
    current = to_str(current_email).strip()
    if current.lower() == new.lower():
        return None
    if old_email is not None and str(old_email).strip().lower() != current.lower():
        raise validation.ValidationError(
            'old_email', '%s is not the account\'s e-mail address (%s); nothing was changed' % (old_email, current))
    return current, new


def check_password_change(old_password, new_password):
    """Raise ValidationError unless both are given, non-empty and different. The values are never
    part of a message."""
    if not old_password:
        raise validation.ValidationError('old_password', 'required (and not empty) to change the password')
    if not new_password:
        raise validation.ValidationError('new_password', 'required (and not empty) to change the password')
    if old_password == new_password:
        raise validation.ValidationError('new_password', 'is the same as old_password; nothing to change')
    if new_password != new_password.strip():
        raise validation.ValidationError('new_password', 'starts or ends with a blank')


def telephone_code_needed(user, telephone_changes):
    """Whether a Telephoneverify.Code makes sense: not once the (unchanged) number is verified."""
    if 'telephone' in telephone_changes:
        return True
    return not user.get('telephone_verified')


def predict_after(user, changes, email=None):
    """The account after the writes: a new telephone is not verified, nor is a new e-mail."""
    after = dict(user)
    after.update(changes)
    if 'telephone' in changes:
        after['telephone_verified'] = False
    if email is not None:
        after['email'] = email
        after['email_verified'] = False
    return after


def clean_info_params(params, everything):
    """dnspod_account_info's options, checked -> ``(gather, grade, domain)``: what to read (a set
    of ``everything`` for ``all``), the grade (None: the domain's or the account's), the domain."""
    gather = set(everything) if 'all' in params['gather'] else set(params['gather'])
    grade = params['grade'].strip() if params['grade'] else None
    if params['grade'] is not None and not grade:
        raise validation.ValidationError('grade', 'an empty grade is not a grade name')
    domain = str(params['domain']).strip() if params['domain'] is not None else None
    if domain is not None and not domain.isdigit():
        try:
            names.normalize_domain_name(domain)
        except ValueError as exc:
            raise validation.ValidationError('domain', str(exc))
    return gather, grade, domain


def log_entries(lines):
    """User.Log lines split into their parts (``parse_log_line``)."""
    return [parse_log_line(line) for line in lines]


def check_params(params):
    """dnspod_account's checks that need no API call (bad input sends nothing) -> the profile
    fields to set. Raises ValidationError."""
    wanted = wanted_profile(params)
    if params['new_email'] is not None:
        validation.validate_email(params['new_email'], 'new_email')
        if not params['email_password']:
            raise validation.ValidationError('email_password', 'required (and not empty) to change the e-mail')
    if params['new_password'] is not None:
        check_password_change(params['old_password'], params['new_password'])
        if params['login_email'] and not params['login_token'] and params['new_email']:
            raise validation.ValidationError(
                'new_email', 'with login_email, change the e-mail and the password in two tasks (the password '
                'change would log in with the old address)')
    return wanted


def plan(user, wanted, params):
    """What dnspod_account writes, from User.Detail's ``user``: a dict of ``changes`` (User.Modify),
    ``email`` ((old, new) for Useremail.Modify, or None), ``telephone`` (where to send a code, or
    None), ``password`` (bool), ``result_changes`` (the result's ``changes``) and ``after``."""
    changes = profile_changes(user, wanted)
    email = None
    if params['new_email'] is not None:
        email = email_change(user['email'], params['new_email'], params['old_email'])
    telephone = None
    if params['send_telephone_code']:
        telephone = wanted.get('telephone') or user['telephone']
        if not telephone:
            raise validation.ValidationError('telephone', 'the account has no telephone number to verify: set telephone')
        if not telephone_code_needed(user, changes):
            telephone = None
    password = params['new_password'] is not None
    result_changes = dict(changes)
    if email is not None:
        result_changes['email'] = email[1]
    if password:
        result_changes['password'] = HIDDEN
    return dict(changes=changes, email=email, telephone=telephone, password=password, result_changes=result_changes,
                after=predict_after(user, changes, email[1] if email else None))


def apply(account, planned, params):
    """The writes of ``plan`` through the API's ``account`` area -> the telephone code's answer
    ({} when none was sent). An API error carries the result's ``changes``."""
    answer = {}
    try:
        if planned['changes']:
            account.modify(planned['changes'])
        if planned['telephone'] is not None:
            answer = account.send_telephone_code(planned['telephone'])
        if planned['email'] is not None:
            account.change_email(planned['email'][0], planned['email'][1], params['email_password'])
        if planned['password']:
            account.change_password(params['old_password'], params['new_password'])
    except DNSPodError as exc:
        raise exc.with_details(changes=planned['result_changes'])
    return answer


def diff_view(user, password=None):
    view = dict((key, user.get(key)) for key in DIFF_FIELDS)
    if password is not None:
        view['password'] = password
    return view
