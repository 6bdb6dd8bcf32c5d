# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The per-user directories the tasks of one controller share (the refused-login marker, the
record-set locks): where they are, and whether one can be trusted. Other users must not be able
to plant or read a marker, so a directory that is not ours or that others can write is not used."""

from __future__ import annotations

import os
import stat
import tempfile


def configured_dir(variable, leaf):
    """``$<variable>``, else ``<temp dir>/dnspod.dnspod-<uid>/<leaf>``; None when the variable is
    ``off`` (or no/false/0)."""
    configured = os.environ.get(variable, '').strip()
    if configured.lower() in ('off', 'no', 'false', '0'):
        return None
    if configured:
        return configured
    uid = os.getuid() if hasattr(os, 'getuid') else 'user'
    return os.path.join(tempfile.gettempdir(), 'dnspod.dnspod-%s' % uid, leaf)


def usable_dir(directory, create):
    """Whether ``directory`` is a directory (not a symlink) of this user that no one else can
    write; with ``create`` it is made (0700) first when missing."""
    try:
        if create and not os.path.isdir(directory):
            os.makedirs(directory, 0o700)
        info = os.lstat(directory)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, 'getuid') and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022
