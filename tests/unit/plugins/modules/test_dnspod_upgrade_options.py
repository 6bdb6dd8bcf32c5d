"""dnspod_upgrade refuses bad input before the first call, naming the option."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.upgrade import check_options


def params(**extra):
    base = dict(domain='example.com', grade='D_Plus', term='1year', renew_before_days=30, ip_addr='203.0.113.7',
                notice_email=None)
    base.update(extra)
    return base


def test_good_options():
    assert check_options(params()) == []
    assert check_options(params(notice_email='owner@example.com', ip_addr='2001:4860::8888',
                                domain='Bücher.example')) == []


@pytest.mark.parametrize('extra,option', [
    ({'domain': 'localhost'}, 'domain'), ({'domain': 'bad_label.com'}, 'domain'),
    ({'grade': ' '}, 'grade'), ({'term': ''}, 'term'), ({'renew_before_days': -1}, 'renew_before_days'),
    ({'ip_addr': '127.0.0.1'}, 'ip_addr'), ({'ip_addr': '10.0.0.300'}, 'ip_addr'),
    ({'notice_email': 'nobody'}, 'notice_email'),
])
def test_bad_options(extra, option):
    errors = check_options(params(**extra))
    assert len(errors) == 1 and errors[0].startswith(option + ':')
