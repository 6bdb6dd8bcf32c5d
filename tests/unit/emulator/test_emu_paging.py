"""Record.List paging: default page, cap, record_total, 5,000 records quickly."""
import time

import pytest


def many(n):
    return [{'sub_domain': 'h%05d' % i, 'record_type': 'A', 'value': '10.0.%d.%d'
             % (i // 250, i % 250)} for i in range(n)]


@pytest.fixture
def big(start_emulator, seed_one):
    return start_emulator(seed_one(records=many(5000)))


def test_default_page_is_100_and_record_total_counts_all(big):
    answer = big.call('Record.List', domain='example.com')
    assert len(answer['records']) == 100
    assert answer['info']['record_total'] == '5002'


def test_length_is_capped_at_3000(big):
    answer = big.call('Record.List', domain='example.com', length='5000')
    assert len(answer['records']) == 3000


def test_offset_beyond_the_end(big):
    assert big.code('Record.List', domain='example.com', offset='5002') == '10'
    answer = big.call('Record.List', domain='example.com', offset='5002', error_on_empty='no')
    assert answer['records'] == [] and answer['info']['record_total'] == '5002'


def test_paging_through_5000_records_is_quick_and_complete(big):
    started = time.time()
    seen = []
    offset = 0
    while True:
        answer = big.call('Record.List', domain='example.com', offset=str(offset), length='100')
        seen.extend(r['id'] for r in answer['records'])
        offset += 100
        if offset >= int(answer['info']['record_total']):
            break
    elapsed = time.time() - started
    assert len(seen) == len(set(seen)) == 5002
    assert elapsed < 10, elapsed


def test_pages_stay_cheap_after_writes(big):
    big.create(sub_domain='h00000', record_type='A', value='10.9.9.9')
    started = time.time()
    for offset in range(0, 2000, 100):
        assert len(big.call('Record.List', domain='example.com', offset=str(offset),
                            length='100')['records']) == 100
    assert time.time() - started < 5


def test_settings_change_page_sizes(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'default_page_size': 7, 'max_page_size': 10},
                                  records=many(30)))
    assert len(emu.call('Record.List', domain='example.com')['records']) == 7
    assert len(emu.call('Record.List', domain='example.com', length='25')['records']) == 10


def test_domain_list_paging(start_emulator):
    domains = [{'name': 'd%03d.com' % i} for i in range(150)]
    emu = start_emulator({'accounts': [{'login_token': '1,x', 'domains': domains}]})
    emu.token = '1,x'
    first = emu.call('Domain.List')
    assert len(first['domains']) == 100 and first['info']['domain_total'] == 150
    rest = emu.call('Domain.List', offset='100', length='100')
    assert len(rest['domains']) == 50
