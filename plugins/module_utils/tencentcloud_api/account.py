# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The account on Tencent Cloud API 3.0: DescribeUserDetail. (Record types and lines are the records
area's: DescribeRecordType, DescribeRecordLineList.)

API 3.0 has no action that changes the profile, the password or the e-mail address, sends a
verification text, or reads the account's log or the API version (the traditional User.Modify,
Userpasswd.Modify, Useremail.Modify, Telephoneverify.Code, User.Log, Info.Version): those raise
TaskError before anything is sent. A Tencent Cloud account is managed in the Tencent Cloud console.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.account import normalize_user
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import grade_from_api, unsupported


def user_from_api(raw):
    """A UserInfo (DescribeUserDetail) -> the canonical account of dnspod_api.account.normalize_user.
    API 3.0 gives no balance, SMS balance, IM, user type nor agent flag (their defaults)."""
    raw = raw or {}
    return normalize_user({
        'id': raw.get('Id'),
        'email': raw.get('Email'),
        'real_name': raw.get('RealName'),
        'nick': raw.get('Nick'),
        'telephone': raw.get('Telephone'),
        'status': raw.get('Status'),
        'email_verified': raw.get('EmailVerified'),
        'telephone_verified': raw.get('TelephoneVerified'),
        'weixin_binded': raw.get('WechatBinded'),
        'user_grade': grade_from_api(raw.get('UserGrade')),
    })


class Account:
    """The account the key pair belongs to."""

    def __init__(self, client):
        self.client = client

    def user(self):
        """DescribeUserDetail -> normalize_user."""
        return user_from_api(self.client.call('DescribeUserDetail').get('UserInfo'))

    def modify(self, changes):
        raise unsupported('changing the account profile', 'account.modify')

    def change_password(self, old_password, new_password):
        raise unsupported('changing the account password', 'account.change_password')

    def change_email(self, old_email, new_email, password):
        raise unsupported('changing the account e-mail address', 'account.change_email')

    def send_telephone_code(self, telephone):
        raise unsupported('sending a telephone verification code', 'account.send_telephone_code')

    def log(self):
        raise unsupported('the account log (gather: log)', 'account.log')

    def version(self):
        raise unsupported('the API version (gather: version)', 'account.version')
