# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Tasks of one controller that write the same record set, one after the other.

Fifty hosts that all put the same value into one set read it at the same time, all find the value
missing (or a ttl to change), and all write: one Create succeeds and the others answer 104, or
fifty Record.Modify calls send what the first one already wrote, and DNSPod locks the record for an
hour after more than five of those. So a task that is about to write takes an exclusive ``flock``
on a lock file per (api_url, domain, set) and writes only if no other task of this controller wrote
the set since it read it; otherwise it reads again (after releasing the lock, so that the re-reads
of many waiting tasks run in parallel) and plans anew, and after two such rounds it reads and writes
while holding the lock.

Whether the set was written meanwhile is a counter in the lock file (a sequence lock): a writer adds
one after its writes, before it releases the lock; a reader notes the counter before it reads the
set. A task that has nothing to write takes no lock and waits for nobody, and the counter costs no
API call, so converged runs keep their call budgets.

Best effort, like the refused-login marker: without ``fcntl`` (not POSIX) or a usable directory the
guard does nothing. ``$DNSPOD_LOCK_DIR`` (default ``<temp dir>/dnspod.dnspod-<uid>/set-locks``,
0700) holds the files; ``off`` disables the guard. Tasks on other machines are not serialised:
there the client treats the 104 of an existing record and the 8 of a removed one as done."""

from __future__ import annotations

import contextlib
import hashlib
import os
import time

from ansible_collections.dnspod.dnspod.plugins.module_utils import private_dir
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:
    fcntl = None
    HAS_FCNTL = False

LOCK_DIR_ENV = 'DNSPOD_LOCK_DIR'
COUNTER_WIDTH = 20
POLL_SECONDS = 0.05
# Optimistic rounds (read, plan, find the set written meanwhile, read again) before a task reads and
# writes holding the lock.
OPTIMISTIC_ROUNDS = 2


class SetLockTimeout(Exception):
    """The lock holder outlived the wait: nothing was written."""


def default_lock_dir():
    """``$DNSPOD_LOCK_DIR``, else ``<temp dir>/dnspod.dnspod-<uid>/set-locks``; None when ``off``."""
    return private_dir.configured_dir(LOCK_DIR_ENV, 'set-locks')


class SetGuard(object):
    """The lock file and write counter of one (api_url, domain, set)."""

    def __init__(self, directory, parts):
        self.directory = directory
        name = hashlib.sha256('\n'.join(str(part) for part in parts).encode('utf-8')).hexdigest()[:40]
        self.path = os.path.join(directory, '%s.lock' % name) if directory else None
        self.usable = bool(directory) and HAS_FCNTL and private_dir.usable_dir(directory, True)

    def version(self):
        """The write counter (0 when there is none); read without the lock."""
        if not self.usable:
            return 0
        try:
            with open(self.path, 'rb') as handle:
                text = handle.read(COUNTER_WIDTH).strip()
        except (IOError, OSError):
            return 0
        return int(text) if text.isdigit() else 0

    @contextlib.contextmanager
    def writing(self, wait):
        """Hold the set's lock (exclusive flock, waiting at most ``wait`` seconds, else
        SetLockTimeout); yields a function that adds one to the counter (call it after writing)."""
        if not self.usable:
            yield lambda: None
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, 'O_NOFOLLOW', 0), 0o600)
        except OSError:
            yield lambda: None
            return
        try:
            deadline = time.monotonic() + max(0.0, float(wait))
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except (IOError, OSError):
                    if time.monotonic() >= deadline:
                        raise SetLockTimeout(
                            'another task of this controller has been writing the same record set for more than '
                            '%.0f s (lock file %s); this task wrote nothing' % (float(wait), self.path))
                    time.sleep(POLL_SECONDS)

            def bump():
                value = self.version() + 1
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, ('%0*d' % (COUNTER_WIDTH, value)).encode('ascii'))
            yield bump
        finally:
            os.close(fd)      # releases the lock


def guard_for(client, domain, set_parts):
    """The guard of one set: ``domain`` as the task gave it (name or ID), ``set_parts`` the set's
    key. Tasks naming one domain once by name and once by ID are not serialised with each other."""
    return SetGuard(default_lock_dir(), (client.api_url, str(domain).strip().lower().rstrip('.'))
                    + tuple(str(part).strip().lower() for part in set_parts))


def wait_bound(client, calls=8):
    """How long a task waits for the lock: what ``calls`` calls of its own client can take at worst
    (each its timeout plus its retry budget); a holder still writing after that has hung."""
    return calls * client.call_bound()


@contextlib.contextmanager
def _unlocked():
    yield lambda: None


def run_guarded(guard, wait, read_and_plan, finish, check_mode=False):
    """Read, plan and write under ``guard``; returns what ``finish`` returns (the task's result).

    ``read_and_plan()`` reads the state and returns ``(plan, operations)``; ``finish(plan, bump)``
    applies the operations (unless check mode), calls ``bump()`` once it has written, and returns.
    Nothing to write, or check mode: finished without the lock. Otherwise the lock is taken and the
    plan applied when no other task wrote since the read; else read again (without the lock), and in
    the last round read and write while holding it. SetLockTimeout raises TaskError."""
    try:
        for rounds in range(OPTIMISTIC_ROUNDS + 1):
            holding = rounds == OPTIMISTIC_ROUNDS
            with (guard.writing(wait) if holding else _unlocked()) as bump:
                seen = guard.version()
                plan, operations = read_and_plan()
                if not operations or check_mode or holding:
                    return finish(plan, bump)
            with guard.writing(wait) as bump:
                if guard.version() == seen:
                    return finish(plan, bump)
            # Another task wrote meanwhile: read again (its plan may be empty now).
    except SetLockTimeout as exc:
        raise TaskError(str(exc))
    raise AssertionError('unreachable: the last round holds the lock and finishes')
