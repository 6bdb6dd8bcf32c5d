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


def test_domains_are_kept_for_the_play_run_in_its_temporary_directory(tmp_path, monkeypatch):
    # A later task runs in another worker process: only the file of the run's directory is left.
    monkeypatch.setattr(dnspod_record.C, 'DEFAULT_LOCAL_TMP', str(tmp_path), raising=False)
    monkeypatch.setattr(dnspod_record, '_DOMAIN_CACHE', {})
    key = dnspod_record._account_key({'api_url': 'https://dnsapi.cn', 'login_token': '10000,sekrit'})
    assert dnspod_record._load_cached(key) is None
    dnspod_record._store(key, {'example.com': '4242'})
    monkeypatch.setattr(dnspod_record, '_DOMAIN_CACHE', {})       # as in a fresh worker
    assert dnspod_record._load_cached(key) == {'example.com': '4242'}
    files = [p.name for p in tmp_path.iterdir()]
    assert len(files) == 1 and 'sekrit' not in files[0] and '10000' not in files[0]
    assert 'sekrit' not in (tmp_path / files[0]).read_text()


def test_without_a_run_directory_the_cache_lives_in_the_process(monkeypatch):
    monkeypatch.setattr(dnspod_record.C, 'DEFAULT_LOCAL_TMP', '/nonexistent/dnspod-test', raising=False)
    monkeypatch.setattr(dnspod_record, '_DOMAIN_CACHE', {})
    dnspod_record._store('k', {'example.com': '1'})
    assert dnspod_record._load_cached('k') == {'example.com': '1'}


def test_cache_key_of_a_key_pair_holds_no_secret_and_differs_per_key_pair():
    params = {'api_url': 'https://dnspod.tencentcloudapi.com', 'secret_id': 'AKIDsekritid', 'secret_key': 'sekritkey'}
    key = dnspod_record._account_key(params)
    assert 'sekrit' not in key
    assert key != dnspod_record._account_key(dict(params, secret_id='AKIDother'))
    assert key != dnspod_record._account_key(dict(params, session_token='tok'))


def test_the_lookup_reads_every_connection_option_from_the_environment():
    from ansible_collections.dnspod.dnspod.plugins.module_utils import common
    text_options = [option for option in common.CLIENT_OPTIONS
                    if option not in ('international', 'lang', 'timeout', 'retries', 'retry_max_time',
                                      'validate_certs', 'ca_path')]
    assert sorted(set(text_options) - set(dnspod_record.ENV_NAMES)) == []
    assert dnspod_record.ENV_NAMES['secret_key'] == ('TENCENTCLOUD_SECRET_KEY',)
