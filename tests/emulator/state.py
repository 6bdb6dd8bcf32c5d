"""The emulator's data: accounts, their domains and the domains' records.

Every mutation happens under ``State.lock`` (taken by the dispatcher for a whole API call).
Records of a domain are indexed so that create/modify checks and list pages cost O(1)/O(page)
plus one sort after each change.
"""
import collections
import threading

from . import extensions
from .clock import beijing_now
from .grades import Lines, merged_grades, GRADE_RANK, DEFAULT_LINE, URL_TYPES

DEFAULT_HOLD_NS = ['f1g1ns1.dnspod.net.', 'f1g1ns2.dnspod.net.']
INTL_MAX_PAGE_SIZE = 500

DEFAULT_SETTINGS = {
    'flavor': 'cn',
    'rate_limit_per_hour': 3600,
    'default_page_size': 100,
    'max_page_size': 3000,
    'lockout_failures': 30,
    'lockout_window_seconds': 300,
    'lockout_seconds': 3600,
    'id_drift': True,
    'email_login_allowed': True,
    'at_matches_wildcard': True,
    'round_robin_code': '25',
    'unchanged_modify_limit': 5,
    'unchanged_modify_lock_seconds': 3600,
    'record_list_line_id': False,
    'require_user_agent': False,
    'latency_seconds': 0,
}


def _sort_key(record):
    # MySQL *_general_ci order of the live API: case-insensitive, so '_' sorts after letters.
    return (record.name.upper(), record.id)


class Record(object):
    __slots__ = ('id', 'name', 'type', 'line', 'value', 'ttl', 'mx', 'weight', 'status',
                 'remark', 'hold', 'created_on', 'updated_on', 'monitor_status',
                 'unchanged', 'locked_until')

    def __init__(self, rid, name, rtype, line, value, ttl=600, mx=0, weight=None,
                 status='enabled', remark='', hold=False, created_on=None, updated_on=None):
        now = beijing_now()
        self.id = rid
        self.name = name
        self.type = rtype
        self.line = line            # canonical (cn) line name
        self.value = value
        self.ttl = ttl
        self.mx = mx
        self.weight = weight
        self.status = status        # 'enabled' / 'disabled'
        self.remark = remark
        self.hold = hold
        self.created_on = created_on or updated_on or now
        self.updated_on = updated_on or self.created_on
        self.monitor_status = ''
        self.unchanged = collections.deque()   # times of unchanged Record.Modify calls
        self.locked_until = 0.0

    def rr_key(self):
        return (self.name, self.type, self.line)

    def dup_key(self):
        return (self.name, self.type, self.line, self.value)


class Domain(object):
    def __init__(self, did, name, punycode, owner, grade='DP_Free', status='enable',
                 group_id='1', is_mark='no', remark='', searchengine_push='yes', ttl=600,
                 locked=False, ext_status='', created_on=None, updated_on=None):
        now = beijing_now()
        self.id = did
        self.name = name
        self.punycode = punycode
        self.owner = owner          # Account
        self.grade = grade
        self.status = status        # 'enable' / 'pause'
        self.group_id = group_id
        self.is_mark = is_mark
        self.remark = remark
        self.searchengine_push = searchengine_push
        self.ttl = ttl
        self.locked = locked
        self.ext_status = ext_status
        self.cname_speedup = 'disable'
        self.created_on = created_on or now
        self.updated_on = updated_on or self.created_on
        self.touched = 0            # sequence number of the last API change (Domain.List recent)
        self.records = {}
        self._sorted = None
        self._rr = collections.defaultdict(set)     # (name, type, line) -> ids (enabled only)
        self._dups = {}                              # (name, type, line, value) -> id
        self.url_count = 0
        self.log = collections.deque(maxlen=500)
        self.ext = {}               # area name -> that area's data (see extensions.py)

    # -- record index -------------------------------------------------------------------------
    def add_record(self, record):
        self.records[record.id] = record
        self._index(record)
        self._sorted = None

    def remove_record(self, record):
        self._unindex(record)
        del self.records[record.id]
        self._sorted = None

    def reindex(self, record, mutate):
        """Apply ``mutate(record)`` keeping the indexes right."""
        self._unindex(record)
        try:
            mutate(record)
        finally:
            self._index(record)
            self._sorted = None

    def _index(self, record):
        if record.status == 'enabled':
            self._rr[record.rr_key()].add(record.id)
        self._dups[record.dup_key()] = record.id
        if record.type in URL_TYPES:
            self.url_count += 1

    def _unindex(self, record):
        ids = self._rr.get(record.rr_key())
        if ids is not None:
            ids.discard(record.id)
            if not ids:
                del self._rr[record.rr_key()]
        if self._dups.get(record.dup_key()) == record.id:
            del self._dups[record.dup_key()]
        if record.type in URL_TYPES:
            self.url_count -= 1

    def round_robin_count(self, name, rtype, line, exclude=None):
        ids = self._rr.get((name, rtype, line), ())
        return len([i for i in ids if i != exclude])

    def duplicate_of(self, name, rtype, line, value):
        return self._dups.get((name, rtype, line, value))

    def sorted_records(self):
        if self._sorted is None:
            self._sorted = sorted(self.records.values(), key=_sort_key)
        return self._sorted

    def add_log(self, client_ip, text):
        self.log.appendleft('%s(API): (%s) %s' % (beijing_now(), client_ip, text))


class Account(object):
    def __init__(self, user_id, email, login_token=None, password=None, dtoken=False,
                 dtoken_code=None, grade='DP_Free', nick='', real_name='', telephone='',
                 user_type='personal', balance=0, agent=False):
        self.user_id = user_id
        self.email = email
        self.login_token = login_token      # (token id, secret) or None
        self.password = password
        self.dtoken = dtoken
        self.dtoken_code = dtoken_code
        self.grade = grade
        self.nick = nick
        self.real_name = real_name
        self.telephone = telephone
        self.user_type = user_type
        self.balance = balance
        self.agent = agent
        self.domains = {}                   # id -> Domain, insertion order
        self.failures = collections.deque()  # monotonic times of failed logins
        self.locked_until = 0.0
        self.calls = collections.deque()    # monotonic times of accepted calls (rate limit)
        self.cookies = {}                   # D-Token 't<user_id>' cookie value -> expiry
        self.user_tokens = set()            # intl Auth user_token secrets
        self.ext = {}                       # area name -> that area's data (see extensions.py)

    def user_grade(self):
        """Highest grade of the account and of its domains (User.Detail user_grade)."""
        def rank(grade):
            return GRADE_RANK.index(grade) if grade in GRADE_RANK else -1
        best = self.grade
        for domain in self.domains.values():
            if rank(domain.grade) > rank(best):
                best = domain.grade
        return best


class State(object):
    def __init__(self, settings=None, grade_overrides=None):
        self.lock = threading.RLock()
        self.settings = dict(DEFAULT_SETTINGS)
        self.settings.update((name, default) for name, (_kind, default)
                             in extensions.SETTINGS.items() if name not in self.settings)
        if (settings or {}).get('flavor') == 'intl':
            # The international documents cut Record.List and Domain.List at 500 items.
            self.settings['max_page_size'] = INTL_MAX_PAGE_SIZE
        self.settings.update(settings or {})
        self.grade_overrides = grade_overrides or {}
        self.grades = merged_grades(self.grade_overrides)
        self.flavor = self.settings['flavor']
        self.lines = Lines(self.flavor)
        self.default_line = '默认'          # canonical name; displayed per flavour
        self.accounts = []
        self.by_user_id = {}
        self.by_token_id = {}
        self.by_email = {}
        self.domains = {}                   # id -> Domain
        self.domain_names = {}              # name and punycode -> Domain
        self.next_domain_id = 10000001
        self.next_record_id = 100000001
        self.requests = []
        self.seq = 0
        self.touch_seq = 0
        self.ext = {}                       # area name -> that area's data (see extensions.py)

    @property
    def default_line_display(self):
        return DEFAULT_LINE[self.flavor]

    # -- ids ------------------------------------------------------------------------------------
    def new_domain_id(self):
        did = self.next_domain_id
        self.next_domain_id += 1
        return did

    def new_record_id(self):
        rid = self.next_record_id
        self.next_record_id += 1
        return rid

    def reserve_domain_id(self, did):
        self.next_domain_id = max(self.next_domain_id, did + 1)

    def reserve_record_id(self, rid):
        self.next_record_id = max(self.next_record_id, rid + 1)

    # -- accounts and domains ------------------------------------------------------------------
    def add_account(self, account):
        self.accounts.append(account)
        self.by_user_id[account.user_id] = account
        self.by_email[account.email.lower()] = account
        if account.login_token:
            self.by_token_id[account.login_token[0]] = account

    def add_domain(self, domain):
        self.domains[domain.id] = domain
        self.domain_names[domain.name] = domain
        self.domain_names[domain.punycode] = domain
        domain.owner.domains[domain.id] = domain

    def remove_domain(self, domain):
        del self.domains[domain.id]
        self.domain_names.pop(domain.name, None)
        self.domain_names.pop(domain.punycode, None)
        del domain.owner.domains[domain.id]

    def touch(self, domain, domain_changed=False):
        """Mark a domain as operated on (Domain.List type=recent).

        Its ``updated_on`` only moves for changes of the domain itself: the recordings show
        Domain.Info keeping its updated_on while records are created and modified.
        """
        self.touch_seq += 1
        domain.touched = self.touch_seq
        if domain_changed:
            domain.updated_on = beijing_now()

    def add_hold_ns(self, domain, values):
        for value in values:
            self.add_record_to(domain, name='@', rtype='NS', line=self.default_line,
                               value=value, ttl=86400, hold=True)

    def add_record_to(self, domain, rid=None, **fields):
        if rid is None:
            rid = self.new_record_id()
        else:
            self.reserve_record_id(rid)
        record = Record(rid, fields.pop('name'), fields.pop('rtype'), fields.pop('line'),
                        fields.pop('value'), **fields)
        domain.add_record(record)
        return record

    def find_record(self, rid):
        for domain in self.domains.values():
            if rid in domain.records:
                return domain, domain.records[rid]
        return None, None
