# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""After a send-once write lost its answer (``once=True``, DNSPodOutcomeUnknownError):
read the state back instead of sending the write again, and say what happened.

The API has no idempotency key: a second copy of ``Domain.Upgrade`` charges again, of
``Domain.Lock`` answers 21 and the one-time unlock code is gone, of ``Userpasswd.Modify`` answers
"old password is wrong" (docs/reliability.md, "Lost answers")."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError


def settle(client, exc, read, verdict, check):
    """Decide a lost answer from one read.

    ``exc``: the DNSPodOutcomeUnknownError of the write. ``read()``: the state now (read actions
    only). ``verdict(state)``: ``(done, shown)``, where ``done`` is True (the write was carried
    out), False (it was not) or None (the read cannot tell), and ``shown`` says what the read
    shows, e.g. 'Domain.Lockstatus shows the domain not locked'. ``check``: what a person checks
    before running the task again when the outcome stays unknown.

    Returns the state when the write was carried out (and counts it as a write of the client).
    Raises ``exc`` with advice otherwise: "not carried out: run the task again", or "the outcome
    is unknown: check ... before running the task again"."""
    try:
        state = read()
    except DNSPodError as error:
        raise exc.with_advice('The outcome is unknown: reading the state back failed too (%s). Check %s before '
                              'running the task again' % (error, check))
    done, shown = verdict(state)
    if done:
        client.confirm_write()
        return state
    if done is False:
        raise exc.with_advice('%s: it was not carried out. Run the task again' % shown)
    raise exc.with_advice('The outcome is unknown: %s. Check %s before running the task again' % (shown, check))


def unknown(exc, check):
    """For a write no read can confirm (a message sent, a code mailed): the error with what to check."""
    return exc.with_advice('The outcome is unknown and no API call can read it back. Check %s before running the '
                           'task again' % check)
