# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:

    # Connection and authentication options shared by every module.
    DOCUMENTATION = r'''
options:
  api_backend:
    description:
      - Which API the task uses.
      - V(dnspod) is DNSPod's traditional API, with O(login_token) (or O(login_email) and O(login_password)).
      - V(tencentcloud) is Tencent Cloud API 3.0, with a Tencent Cloud API key pair (O(secret_id) and O(secret_key)).
      - V(auto) follows the credentials given; giving both kinds is then an error. A forced backend ignores the
        credentials of the other kind (with a warning).
      - If not set, the value of the E(DNSPOD_API_BACKEND) environment variable is used (an empty variable counts as unset).
    type: str
    choices: [auto, dnspod, tencentcloud]
    default: auto
  api_url:
    description:
      - Base URL of the API.
      - If not set, V(https://dnsapi.cn) for the traditional API (V(https://api.dnspod.com) is its international service),
        V(https://dnspod.tencentcloudapi.com) for Tencent Cloud API 3.0, or V(https://dnspod.intl.tencentcloudapi.com) for
        API 3.0 with O(international=true).
      - Plain C(http://) is accepted only for loopback addresses, such as the DNSPod emulator shipped in C(tests/emulator).
      - If not set, the value of the E(DNSPOD_API_URL) environment variable is used (an empty variable counts as unset),
        for either API.
    type: str
  login_token:
    description:
      - API token in the form C(ID,TOKEN), created in the DNSPod console.
      - This is the only login the live service still accepts.
      - If not set, the value of the E(DNSPOD_LOGIN_TOKEN) environment variable is used (an empty variable counts as unset).
      - One of O(login_token) or O(login_email) and O(login_password) is required.
    type: str
  login_email:
    description:
      - Account e-mail, for login by e-mail and password.
      - If not set, the value of the E(DNSPOD_LOGIN_EMAIL) environment variable is used (an empty variable counts as unset).
    type: str
  login_password:
    description:
      - Account password, for login by e-mail and password.
      - If not set, the value of the E(DNSPOD_LOGIN_PASSWORD) environment variable is used (an empty variable counts as unset).
    type: str
  login_code:
    description:
      - Current D-Token code, for accounts that have D-Token enabled.
      - The code is sent with the first call only; the C(t<user_id>) cookie the API returns is kept for the rest of the task.
      - If not set, the value of the E(DNSPOD_LOGIN_CODE) environment variable is used (an empty variable counts as unset).
    type: str
  user_id:
    description:
      - For agent accounts, the ID of the user the agent acts for (traditional API only).
      - If not set, the value of the E(DNSPOD_USER_ID) environment variable is used (an empty variable counts as unset).
    type: str
  secret_id:
    description:
      - SecretId of a Tencent Cloud API key pair (CAM, API keys), for Tencent Cloud API 3.0.
      - A sub-account's key pair works too; it needs the CAM permissions of the actions the task sends.
      - If not set, the value of the E(TENCENTCLOUD_SECRET_ID) environment variable is used (an empty variable counts as unset).
      - With O(secret_key); one of this key pair, O(login_token), or O(login_email) and O(login_password) is required.
    type: str
  secret_key:
    description:
      - SecretKey of the Tencent Cloud API key pair. It signs each request (TC3-HMAC-SHA256) and is never sent.
      - If not set, the value of the E(TENCENTCLOUD_SECRET_KEY) environment variable is used (an empty variable counts as unset).
    type: str
  session_token:
    description:
      - Token of temporary credentials (a role's or STS credentials), sent with O(secret_id) and O(secret_key) of the
        same temporary credentials.
      - If not set, the value of the E(TENCENTCLOUD_SESSION_TOKEN) environment variable is used, else that of
        E(TENCENTCLOUD_SECURITY_TOKEN) (an empty variable counts as unset).
    type: str
  international:
    description:
      - Whether O(api_url) is the international service. On Tencent Cloud API 3.0, V(true) without O(api_url) selects
        V(https://dnspod.intl.tencentcloudapi.com), whose default line is C(Default); the rest of this option's
        description is about the traditional API.
      - On the traditional API, whether O(api_url) is the international service. There O(login_token) is sent as C(login_token) too; O(login_email)
        and O(login_password) are traded once per task for a C(user_token) with the C(Auth) call.
      - On the international service the default line is written as V(default) (its record listing names it C(Default)),
        record calls name the domain by ID (a domain given by name is looked up with one C(Domain.Info) per task), and
        listings are read in pages of at most 500.
      - If not set, it is V(true) exactly when the host of O(api_url) is C(api.dnspod.com) or C(dnspod.intl.tencentcloudapi.com).
    type: bool
  lang:
    description:
      - Language of the API's messages.
    type: str
    choices: [en, cn]
    default: en
  timeout:
    description:
      - Timeout of one HTTP request, in seconds.
    type: float
    default: 30
  retries:
    description:
      - How often a call is repeated after a rate-limit answer (code V(-2); on API 3.0 C(RequestLimitExceeded) and
        C(InternalError)) or a transient network fault.
      - Failed logins (on API 3.0 C(AuthFailure)) and every other API error are never repeated.
    type: int
    default: 5
  retry_max_time:
    description:
      - Upper bound, in seconds, of the time spent waiting between retries of one call.
    type: float
    default: 60
  validate_certs:
    description:
      - Whether the server's TLS certificate is verified. Leave this on outside of tests.
      - If not set, the value of the E(DNSPOD_VALIDATE_CERTS) environment variable is used (an empty variable counts as unset).
    type: bool
    default: true
  ca_path:
    description:
      - Path of a CA bundle used to verify the server's certificate instead of the system's.
      - If not set, the value of the E(DNSPOD_CA_PATH) environment variable is used (an empty variable counts as unset).
    type: path
  contact:
    description:
      - Contact address put in the User-Agent header, which DNSPod requires in the form C(Name/Version (contact)).
      - If not set, the value of the E(DNSPOD_CONTACT) environment variable is used (an empty variable counts as unset).
    type: str
    default: https://github.com/dnspod-ansible/dnspod.dnspod
requirements:
  - requests >= 2.20
notes:
  - "The connection options can be set once for a play with C(module_defaults) and the group C(group/dnspod.dnspod.dnspod)."

  - Secrets (O(login_token), O(login_password), O(login_code), O(secret_key), O(session_token)) are never shown in output,
    errors or logs.
  - A failed login is never retried, because DNSPod locks an account for an hour after 30 failed logins in 5 minutes.
    A refused key pair (C(AuthFailure)) is not retried either, and other tasks with the same key pair send nothing for
    5 minutes.
  - On Tencent Cloud API 3.0, what it has no action for (D-monitor, the agent API, paid upgrades, changing the user,
    creating shares, renaming or removing domain groups, starring a domain) fails before any call, naming the
    alternative.
'''

    # Attributes shared by the modules that change state. action: every module has the collection's one
    # action plugin (meta/runtime.yml, plugins/plugin_utils/worker_module.py).
    ACTIONS = r'''
attributes:
  check_mode:
    description: Can run in check mode and return the changed status prediction without modifying the target.
    support: full
    details: No request that changes state is sent in check mode; the result says what would change.
  diff_mode:
    description: Returns details on what has changed, or would change in check mode, when in diff mode.
    support: full
  action:
    description: Indicates this has a corresponding action plugin so some parts of the options can be executed on the controller.
    support: full
    details:
      - >-
        When the task runs on the controller (the C(local) connection, as with C(hosts: localhost) or
        C(delegate_to: localhost)), without C(become) and not C(async), the module's code runs in the process Ansible
        forks for the task rather than in a new Python process. The options are checked the same way, the same calls
        are sent and the result is the same, but each task (each item of a loop) saves the start of a Python process
        (measured in the collection's C(docs/performance.md)). The task's C(environment) applies as it does to a module
        process.
      - >-
        It then runs on the controller's Python, which needs C(requests), not on C(ansible_python_interpreter). Set the
        variable C(dnspod_module_process=true) for a host (for a delegated task, the host it is delegated to) to run
        the module as a module process anyway. Tasks on any other connection run as a module process on their host.
  async:
    description: Supports being used with the C(async) keyword.
    support: full
    details: An C(async) task runs as a module process.
  action_group:
    description: Use C(group/dnspod.dnspod.dnspod) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - dnspod.dnspod.dnspod
'''

    # Attributes shared by the info modules (action, async and action_group: the same as in ACTIONS,
    # tests/unit/plugins/plugin_utils/test_worker_contract.py checks it). Written out in both because
    # ansible-test's yamllint sanity test reads each fragment attribute as one string literal.
    INFO = r'''
attributes:
  check_mode:
    description: Can run in check mode and return the changed status prediction without modifying the target.
    support: full
    details: This module only reads.
  diff_mode:
    description: Returns details on what has changed, or would change in check mode, when in diff mode.
    support: N/A
    details: This module only reads.
  action:
    description: Indicates this has a corresponding action plugin so some parts of the options can be executed on the controller.
    support: full
    details:
      - >-
        When the task runs on the controller (the C(local) connection, as with C(hosts: localhost) or
        C(delegate_to: localhost)), without C(become) and not C(async), the module's code runs in the process Ansible
        forks for the task rather than in a new Python process. The options are checked the same way, the same calls
        are sent and the result is the same, but each task (each item of a loop) saves the start of a Python process
        (measured in the collection's C(docs/performance.md)). The task's C(environment) applies as it does to a module
        process.
      - >-
        It then runs on the controller's Python, which needs C(requests), not on C(ansible_python_interpreter). Set the
        variable C(dnspod_module_process=true) for a host (for a delegated task, the host it is delegated to) to run
        the module as a module process anyway. Tasks on any other connection run as a module process on their host.
  async:
    description: Supports being used with the C(async) keyword.
    support: full
    details: An C(async) task runs as a module process.
  action_group:
    description: Use C(group/dnspod.dnspod.dnspod) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - dnspod.dnspod.dnspod
'''

    # For plugins (the lookup): the same options as DOCUMENTATION, also read from play variables and
    # environment variables. Fragments merge per option, so this adds only the `vars` and `env` entries
    # to DOCUMENTATION's options. A lookup cannot see module_defaults: the variables are how one play
    # gives the modules (through module_defaults) and the lookup the same connection.
    PLUGIN = r'''
options:
  api_url:
    vars:
      - name: dnspod_api_url
    env:
      - name: DNSPOD_API_URL
  api_backend:
    vars:
      - name: dnspod_api_backend
    env:
      - name: DNSPOD_API_BACKEND
  secret_id:
    vars:
      - name: dnspod_secret_id
    env:
      - name: TENCENTCLOUD_SECRET_ID
  secret_key:
    vars:
      - name: dnspod_secret_key
    env:
      - name: TENCENTCLOUD_SECRET_KEY
  session_token:
    vars:
      - name: dnspod_session_token
    env:
      - name: TENCENTCLOUD_SECURITY_TOKEN
      - name: TENCENTCLOUD_SESSION_TOKEN
  login_token:
    vars:
      - name: dnspod_login_token
    env:
      - name: DNSPOD_LOGIN_TOKEN
  login_email:
    vars:
      - name: dnspod_login_email
    env:
      - name: DNSPOD_LOGIN_EMAIL
  login_password:
    vars:
      - name: dnspod_login_password
    env:
      - name: DNSPOD_LOGIN_PASSWORD
  login_code:
    vars:
      - name: dnspod_login_code
    env:
      - name: DNSPOD_LOGIN_CODE
  user_id:
    vars:
      - name: dnspod_user_id
    env:
      - name: DNSPOD_USER_ID
  international:
    vars:
      - name: dnspod_international
  validate_certs:
    vars:
      - name: dnspod_validate_certs
    env:
      - name: DNSPOD_VALIDATE_CERTS
  ca_path:
    vars:
      - name: dnspod_ca_path
    env:
      - name: DNSPOD_CA_PATH
  contact:
    vars:
      - name: dnspod_contact
    env:
      - name: DNSPOD_CONTACT
'''
