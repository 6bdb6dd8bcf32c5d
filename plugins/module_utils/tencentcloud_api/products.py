# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Products on Tencent Cloud API 3.0: none. API 3.0 has no action for paid grades bought through the API (product list, upgrade):
every method of dnspod_api/products.py's Products raises TaskError here, before anything is sent."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.products import Products as _Traditional
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import refusing_area

Products = refusing_area('Products', _Traditional, 'paid grades bought through the API (product list, upgrade)')
