# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Facts the collection states once: its version (sent in the User-Agent) and the defaults of the
connection options. The argument spec (common.py), the client and the lookup take them from here;
the doc fragment dnspod.dnspod.dnspod repeats the defaults for ansible-doc, and
tests/unit/test_facts.py checks that it agrees, as it checks COLLECTION_VERSION against galaxy.yml."""

from __future__ import annotations

COLLECTION_VERSION = '0.2.0'

DEFAULT_API_URL = 'https://dnsapi.cn'
DEFAULT_CONTACT = 'https://github.com/dnspod-ansible/dnspod.dnspod'
DEFAULT_LANG = 'en'
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 5
DEFAULT_RETRY_MAX_TIME = 60.0
DEFAULT_VALIDATE_CERTS = True

# Tencent Cloud API 3.0 (the ``tencentcloud`` backend): the Chinese site's endpoint and the
# international site's.
DEFAULT_TENCENTCLOUD_API_URL = 'https://dnspod.tencentcloudapi.com'
DEFAULT_TENCENTCLOUD_INTL_API_URL = 'https://dnspod.intl.tencentcloudapi.com'
