"""The table of API actions and the context an action runs in."""
from .errors import ApiError, missing
from . import validate

ACTIONS = {}     # name -> (function, is a write action)


def action(name, write=False):
    def register(func):
        ACTIONS[name] = (func, write)
        return func
    return register


class Context(object):
    """One API call: its parameters, the account it acts as and what it changed."""

    def __init__(self, state, params, account, client_ip):
        self.state = state
        self.settings = state.settings
        self.params = params
        self.account = account
        self.client_ip = client_ip
        self.lang = 'cn' if (params.get('lang') or '').strip().lower() == 'cn' else 'en'
        self.error_on_empty = (params.get('error_on_empty') or 'yes').strip().lower() != 'no'
        self.changed = False
        self.message = None          # success message other than the standard one
        self.set_cookie = None

    def get(self, name, default=None):
        value = self.params.get(name)
        return default if value is None else value

    def has(self, name):
        return self.params.get(name) is not None

    @property
    def drift(self):
        return self.settings['id_drift']

    # -- lookups with the documented codes ------------------------------------------------------
    def domain(self, id_code='6', name_code='13', owner_code='8', id_param='domain_id'):
        """The domain named by domain_id (wins) or domain.

        An unknown or malformed domain_id answers ``id_code``; an unknown domain name answers
        ``name_code`` (13 "Domain is not exists", as recorded); a domain of another account
        answers ``owner_code`` (the action's "not the owner" code).
        """
        state = self.state
        did = self.get(id_param)
        if did is not None and did.strip() != '':
            number = validate.int_param(did)
            domain = state.domains.get(number) if number is not None else None
            if domain is None:
                raise ApiError(id_code, 'Domain id invalid', '域名ID错误')
        else:
            name = (self.get('domain') or '').strip().lower().rstrip('.')
            if not name:
                raise ApiError(id_code, 'Domain id invalid', '域名ID错误')
            domain = state.domain_names.get(name)
            if domain is None:
                try:
                    domain = state.domain_names.get(name.encode('idna').decode('ascii'))
                except UnicodeError:
                    domain = None
            if domain is None:
                raise ApiError(name_code, 'Domain is not exists', '域名不存在')
        if domain.owner is not self.account:
            raise ApiError(owner_code, 'You are not the owner of the domain', '非域名所有者')
        return domain

    def record(self, domain, code='8'):
        rid = validate.int_param(self.get('record_id'))
        record = domain.records.get(rid) if rid is not None else None
        if record is None:
            raise ApiError(code, 'Record id invalid', '记录编号错误')
        return record

    def require(self, name, code):
        value = self.get(name)
        if value is None or value.strip() == '':
            raise missing(code, name)
        return value

    def record_id_out(self, rid):
        """Record id as Record.Modify/Status/Ddns give it: an integer (drift) or a string."""
        return rid if self.drift else str(rid)

    def record_status_out(self, status):
        """Record status as Record.Modify/Status give it: 'enable'/'disable' (drift)."""
        if not self.drift:
            return status
        return 'enable' if status == 'enabled' else 'disable'
