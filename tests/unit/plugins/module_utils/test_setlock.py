"""setlock: the write counter, the bounded wait, and run_guarded's rounds (re-read after another
task wrote; no lock when there is nothing to write)."""
import multiprocessing
import time

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import setlock
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError


def test_counter_and_lock(tmp_path):
    guard = setlock.SetGuard(str(tmp_path / 'locks'), ('https://dnsapi.cn', 'example.com', 'www', 'A', '默认'))
    other = setlock.SetGuard(str(tmp_path / 'locks'), ('https://dnsapi.cn', 'example.com', 'www', 'AAAA', '默认'))
    assert guard.path != other.path and guard.version() == 0
    with guard.writing(1) as bump:
        bump()
    assert guard.version() == 1 and other.version() == 0
    with guard.writing(1) as bump:
        bump()
    assert guard.version() == 2


def test_a_hanging_holder_bounds_the_wait(tmp_path):
    guard = setlock.SetGuard(str(tmp_path), ('x',))
    context = multiprocessing.get_context('fork')
    queue = context.Queue()

    def hold():
        with guard.writing(5):
            queue.put('holding')
            time.sleep(3)
    holder = context.Process(target=hold)
    holder.start()
    assert queue.get(timeout=10) == 'holding'
    started = time.monotonic()
    with pytest.raises(setlock.SetLockTimeout) as info:
        with guard.writing(0.5):
            pass
    assert 0.4 < time.monotonic() - started < 2.5 and guard.path in str(info.value)
    holder.join(10)


def test_nothing_to_write_takes_no_lock(tmp_path):
    guard = setlock.SetGuard(str(tmp_path), ('x',))
    finished = []

    def finish(plan, bump):
        finished.append(plan)
        return 'result'
    with guard.writing(1):          # held by "another task": a converged task does not wait for it
        assert setlock.run_guarded(guard, 0.2, lambda: ('plan', []), finish) == 'result'
    assert finished == ['plan']


def test_another_write_since_the_read_means_read_again(tmp_path):
    guard = setlock.SetGuard(str(tmp_path), ('x',))
    reads = []

    def read():
        reads.append(guard.version())
        if len(reads) == 1:
            with guard.writing(1) as bump:      # another task writes the set after our read
                bump()
            return 'stale', ['modify']
        return 'fresh', []                       # read again: nothing left to do

    def finish(plan, bump):
        return plan
    assert setlock.run_guarded(guard, 1, read, finish) == 'fresh' and reads == [0, 1]


def test_unchanged_counter_writes_and_bumps(tmp_path):
    guard = setlock.SetGuard(str(tmp_path), ('x',))

    def finish(plan, bump):
        bump()
        return plan
    assert setlock.run_guarded(guard, 1, lambda: ('plan', ['create']), finish) == 'plan' and guard.version() == 1


def test_check_mode_plans_without_the_lock(tmp_path):
    guard = setlock.SetGuard(str(tmp_path), ('x',))
    with guard.writing(1):          # held by another task: a dry run with writes does not wait
        assert setlock.run_guarded(guard, 0.2, lambda: ('plan', ['create']), lambda plan, bump: plan,
                                   check_mode=True) == 'plan'
    assert guard.version() == 0


def test_a_lock_held_too_long_is_a_task_error_naming_the_lock_file(tmp_path):
    guard = setlock.SetGuard(str(tmp_path), ('x',))
    with guard.writing(1):
        with pytest.raises(TaskError) as info:
            setlock.run_guarded(guard, 0.2, lambda: ('plan', ['create']), lambda plan, bump: plan)
    assert guard.path in str(info.value) and 'wrote nothing' in str(info.value)


def test_off_by_environment(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOCK_DIR', 'off')
    assert setlock.default_lock_dir() is None
    guard = setlock.SetGuard(setlock.default_lock_dir(), ('x',))
    with guard.writing(0) as bump:
        bump()
    assert guard.version() == 0
