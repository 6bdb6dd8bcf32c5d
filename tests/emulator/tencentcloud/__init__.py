"""Tencent Cloud API 3.0 (DNSPod, version 2021-03-23) over the emulator's state.

``POST /`` with a JSON body and the ``X-TC-*`` headers, signed with TC3-HMAC-SHA256 by one of
an account's key pairs. The modules:

- ``keys``: key pairs (seed key ``key_pairs`` of an account) and the SecretId index;
- ``signature``: the TC3-HMAC-SHA256 check (AuthFailure.*);
- ``errors``: ``TcError`` and the translation of the traditional API's codes;
- ``registry``: the table of actions and their parameters (type checks, MissingParameter,
  UnknownParameter);
- ``front``: one call from headers and body to ``{"Response": ...}``, logged;
- ``http``: the HTTP side (server.py hands ``POST /`` with ``X-TC-Action`` to it), faults;
- ``actions_account``, ``actions_domain``, ``actions_record``, ``actions_batch``,
  ``actions_extra`` (groups, aliases, locks, shares): the actions, rendered with the field names
  of Tencent's SDK (tencentcloud/dnspod/v20210323/models.py).

Everything is described in docs/emulator.md ("Tencent Cloud API 3.0").
"""
