"""The lookup's own logic: which domain of the account holds a name, and the cache key."""
from ansible_collections.dnspod.dnspod.plugins.lookup import dnspod_record


def test_longest_suffix_wins():
    domains = ['example.com', 'sub.example.com', 'example.net']
    assert dnspod_record.find_domain('www.sub.example.com', domains) == 'sub.example.com'
    assert dnspod_record.find_domain('www.example.com', domains) == 'example.com'
    assert dnspod_record.find_domain('example.net', domains) == 'example.net'


def test_suffix_must_match_whole_labels():
    assert dnspod_record.find_domain('notexample.com', ['example.com']) is None
    assert dnspod_record.find_domain('www.example.org', ['example.com']) is None


def test_cache_key_holds_no_secret():
    params = {'api_url': 'https://dnsapi.cn', 'login_token': '10000,sekrit-token-value', 'user_id': None}
    key = dnspod_record._account_key(params)
    assert 'sekrit' not in key and '10000' not in key
    other = dnspod_record._account_key(dict(params, login_token='10001,other'))
    assert key != other
