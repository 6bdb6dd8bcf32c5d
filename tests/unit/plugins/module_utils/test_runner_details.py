"""runner.py: a module's own required_by joins the shared rules; a DNSPodError's details (what the
task did before it) reach the failed result."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError


class Failed(Exception):
    pass


class FakeModule:
    params = {}
    check_mode = False
    _diff = False

    def __init__(self):
        self.result = None

    def fail_json(self, **result):
        self.result = result
        raise Failed()

    def exit_json(self, **result):
        self.result = result


def test_required_by_is_merged_and_lists_are_extended():
    kwargs = runner.module_kwargs(dict(required_by={'sub_domain': 'value'}, mutually_exclusive=[('a', 'b')]))
    assert kwargs['required_by'] == {'sub_domain': 'value'}
    assert kwargs['mutually_exclusive'][-1] == ('a', 'b') and len(kwargs['mutually_exclusive']) > 1


def test_an_api_error_carries_its_details_to_the_result():
    def converge(task):
        exc = DNSPodAPIError('Domainalias.Create', '10', 'quota')
        exc.details = dict(created=['a.example'], removed=[])
        raise exc
    module = FakeModule()
    with pytest.raises(Failed):
        runner.execute(module, converge)
    assert module.result['created'] == ['a.example'] and module.result['removed'] == []
    assert module.result['api_code'] == '10' and module.result['api'] == {'calls': 0, 'writes': 0}
