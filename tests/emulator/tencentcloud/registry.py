"""The API 3.0 action table, the parameter checks, and the context an action runs in.

An action declares its parameters with a type each (``str``, ``int``, ``bool``, ``[str]``,
``[int]``, ``[obj]``) and which are required. Before the action runs: a parameter it does not
declare answers UnknownParameter, a required one missing (or an empty string) MissingParameter
(but an empty ``Domain`` beside a ``DomainId``, which wins, is accepted),
a JSON value of the wrong type InvalidParameter (an int is not a str: the SDK sends ``int``
fields as JSON numbers).
"""
from .. import validate
from ..errors import ApiError
from ..registry import Context
from .errors import TcError, missing, translate

ACTIONS = {}    # name -> Action

TYPES = {
    'str': lambda v: isinstance(v, str),
    'int': lambda v: isinstance(v, int) and not isinstance(v, bool),
    'bool': lambda v: isinstance(v, bool),
    '[str]': lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    '[int]': lambda v: isinstance(v, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in v),
    '[obj]': lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v),
}


class Action(object):
    def __init__(self, name, func, params, required, write):
        self.name = name
        self.func = func
        self.params = params
        self.required = required
        self.write = write

    def check(self, body):
        for key in body:
            if key not in self.params:
                raise TcError('UnknownParameter', 'The parameter `%s` is not recognized.' % key)
        for key, value in body.items():
            if value is not None and not TYPES[self.params[key]](value):
                raise TcError('InvalidParameter', 'The value type of parameter `%s` is wrong: expected %s.'
                              % (key, self.params[key]))
        for key in self.required:
            value = body.get(key)
            if key == 'Domain' and value == '' and body.get('DomainId') is not None:
                # sent, empty, beside the DomainId that wins: NewFuture/DDNS's TencentCloudProvider
                # sends its ModifyRecord so (ddns/provider/tencentcloud.py), in use on the live service
                continue
            if value is None or (isinstance(value, str) and value.strip() == ''):
                raise missing(key)


def action(name, params=None, required=(), write=False):
    """Register ``func(call) -> dict`` (the Response fields without RequestId)."""
    def register(func):
        ACTIONS[name] = Action(name, func, dict(params or {}), tuple(required), write)
        return func
    return register


def item_check(where, item, spec, required=()):
    """The parameter checks for one object of a list parameter (``RecordList[3]``)."""
    for key in item:
        if key not in spec:
            raise TcError('UnknownParameter', 'The parameter `%s.%s` is not recognized.' % (where, key))
        if item[key] is not None and not TYPES[spec[key]](item[key]):
            raise TcError('InvalidParameter', 'The value type of parameter `%s.%s` is wrong: expected %s.'
                          % (where, key, spec[key]))
    for key in required:
        value = item.get(key)
        if value is None or (isinstance(value, str) and value.strip() == ''):
            raise missing('%s.%s' % (where, key))


class Call(object):
    """One API 3.0 call: the account, the checked JSON parameters, what it changed."""

    def __init__(self, state, account, params, client_ip, lang):
        self.state = state
        self.settings = state.settings
        self.account = account
        self.params = params
        self.client_ip = client_ip
        self.lang = lang
        self.changed = False

    def get(self, name, default=None):
        value = self.params.get(name)
        return default if value is None else value

    def has(self, name):
        return self.params.get(name) is not None

    # -- the domain named by DomainId (wins) or Domain ------------------------------------------
    def domain(self):
        state = self.state
        did = self.params.get('DomainId')
        if did is not None:
            domain = state.domains.get(did)
            if domain is None:
                raise TcError('InvalidParameter.DomainIdInvalid', 'Domain id %d is invalid.' % did)
        else:
            name = (self.params.get('Domain') or '').strip().lower().rstrip('.')
            if not name:
                raise missing('Domain')
            domain = state.domain_names.get(name)
            if domain is None:
                try:
                    domain = state.domain_names.get(name.encode('idna').decode('ascii'))
                except UnicodeError:
                    raise TcError('InvalidParameter.DomainInvalid', 'Domain %r is not a valid domain name.' % name)
            if domain is None:
                raise TcError('InvalidParameterValue.DomainNotExists',
                              'The domain %s does not exist in this account.' % name)
        if domain.owner is not self.account:
            raise TcError('OperationDenied.DomainOwnerAllowedOnly',
                          'Only the owner of the domain %s may do this.' % domain.name)
        return domain

    def record(self, domain, rid=None):
        rid = self.params.get('RecordId') if rid is None else rid
        record = domain.records.get(rid)
        if record is None:
            raise TcError('InvalidParameter.RecordIdInvalid', 'Record id %s is invalid.' % rid)
        return record

    # -- running a traditional action on the same state ----------------------------------------
    def legacy(self, func, params, table=None):
        """Run the traditional action ``func`` with form ``params`` (strings) as this account.

        Its ApiError becomes a TcError (``table``: the action's own code table, see errors.py).
        Returns the traditional body; what it changed is this call's change.
        """
        form = dict((k, v if isinstance(v, str) else str(v)) for k, v in params.items() if v is not None)
        form['lang'] = 'cn' if self.lang == 'cn' else 'en'
        ctx = Context(self.state, form, self.account, self.client_ip)
        try:
            body = func(ctx)
        except ApiError as exc:
            raise translate(exc, table, self.lang)
        finally:
            self.changed = self.changed or ctx.changed
        return body


def int_or_none(value):
    return validate.int_param(value) if isinstance(value, str) else value
