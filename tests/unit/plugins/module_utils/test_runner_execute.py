"""runner.py: the rules a module adds to the shared ones, and what a failed task's result carries."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError


class Exited(Exception):
    pass


class FakeModule:
    def __init__(self):
        self.params = {}
        self.check_mode = False
        self._diff = False
        self.result = None

    def fail_json(self, **result):
        self.result = dict(result, failed=True)
        raise Exited()

    def exit_json(self, **result):
        self.result = result
        raise Exited()


def test_module_rules_extend_lists_and_update_dicts():
    kwargs = runner.module_kwargs(dict(required_together=[('a', 'b')], required_by={'new_email': 'email_password'}))
    assert kwargs['required_together'] == [('login_email', 'login_password'), ('a', 'b')]
    assert kwargs['required_by'] == {'new_email': 'email_password'}
    assert kwargs['mutually_exclusive'] == [('login_token', 'login_email')]


def test_an_api_error_carries_the_details_added_on_its_way_up():
    def converge(task):
        raise DNSPodAPIError('Domain.Acquirevalidate', '15', 'wrong code').with_details(step='validate')
    module = FakeModule()
    with pytest.raises(Exited):
        runner.execute(module, converge)
    assert module.result['failed'] and module.result['step'] == 'validate'
    assert (module.result['api_action'], module.result['api_code']) == ('Domain.Acquirevalidate', '15')
    assert module.result['api'] == {'calls': 0, 'writes': 0}
    # the details belong to that error, not to every error
    assert DNSPodAPIError('Domain.Info', '6', 'no such domain').details == {}
