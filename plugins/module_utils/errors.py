# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Errors of the DNSPod client. Their text never holds a credential: it is built only from the
action name, the API's code and message (which the client scrubs of its own secrets first), and
the hints of dnspod_api/codes.py and tencentcloud_api/codes.py (what the APIs' codes mean, which
depends on the action)."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.codes import hint_for
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.codes import hint_for as tc_hint_for


def _hint(code, message, action):
    """The hint of the API that answered: API 3.0's codes are words (AuthFailure.SignatureFailure),
    the traditional API's are numbers."""
    if code[:1].isalpha():
        return tc_hint_for(code, message, action)
    return hint_for(code, message, action)


class TaskError(ValueError):
    """The task cannot be done as asked, found by the collection itself (nothing was sent, or
    what was read shows it): ``str()`` names the option. ``details`` go to the task's result. The
    runner (runner.py) turns it into the module's failure."""

    def __init__(self, msg, **details):
        super(TaskError, self).__init__(msg)
        self.details = details


class DNSPodError(Exception):
    """Base of every error of the client. ``details``: fields for the task's failed result, added
    on the way up by the layer that knows them (``with_details``: dnspod_domain_acquire's ``step``)."""

    details = {}

    def with_details(self, **details):
        """This error, carrying ``details`` (merged with those it has) to the task's failed result."""
        self.details = dict(self.details, **details)
        return self


class DNSPodConfigError(DNSPodError):
    """Unusable options (plain http to a remote host, a malformed token, no requests), found
    before anything is sent."""


class DNSPodAPIError(DNSPodError):
    """The API answered with a status code other than 1 (``code`` is a string)."""

    def __init__(self, action, code, message):
        self.action = action
        self.code = str(code)
        self.message = str(message or '').strip()
        self.hint = _hint(self.code, self.message, action)
        super(DNSPodAPIError, self).__init__(str(self))

    def __str__(self):
        text = 'DNSPod API error on %s: code %s' % (self.action, self.code)
        if self.message:
            text += ': ' + self.message
        if self.hint:
            text = text.rstrip('. ') + '. ' + self.hint
        return text


class DNSPodAlreadyDoneError(DNSPodAPIError):
    """A write retried after a transport fault was answered "already exists" (``Record.Create``
    104, ``Domain.Create`` 7) or "no such record/domain" (``Record.Remove`` 8, ``Domain.Remove``
    6): the first attempt most likely reached the server and did the work. Only raised by
    ``DNSPodClient.call``; the client's own helpers (create_record, create_domain, remove_*)
    catch it and finish the job (look the object up, or treat the removal as done)."""

    def __str__(self):
        return ('%s (a retry after a transport fault: the first attempt probably succeeded)'
                % super(DNSPodAlreadyDoneError, self).__str__())


class DNSPodTransportError(DNSPodError):
    """The API could not be reached, or answered with something that is not an API answer."""

    def __init__(self, action, detail, attempts):
        self.action = action
        self.detail = detail
        self.attempts = attempts
        super(DNSPodTransportError, self).__init__(str(self))

    def __str__(self):
        return 'DNSPod API call %s failed after %d attempt(s): %s' % (self.action, self.attempts, self.detail)


class DNSPodOutcomeUnknownError(DNSPodTransportError):
    """A write that is not safe to repeat (sent with ``once=True``: it spends money, returns a
    one-time secret, sends a message, or a second copy fails or acts twice) met a transport fault
    after the request may have reached the server: its answer was lost, and it was not sent
    again. ``action``, ``detail`` and ``attempts`` as DNSPodTransportError; ``advice`` is what the
    caller found out by reading the state back, or what a person should check before running the
    task again (``with_advice``)."""

    def __init__(self, action, detail, attempts, advice=None):
        self.advice = advice
        super(DNSPodOutcomeUnknownError, self).__init__(action, detail, attempts)

    def with_advice(self, advice):
        """The same error with ``advice`` (a sentence naming what to check)."""
        return DNSPodOutcomeUnknownError(self.action, self.detail, self.attempts, advice)

    def __str__(self):
        text = ('DNSPod API call %s lost its answer (%s, attempt %d) after the request may have reached DNSPod; '
                'it was not sent again, because it is not safe to repeat'
                % (self.action, self.detail, self.attempts))
        text += '. ' + (self.advice or 'The outcome is unknown: check the state before running the task again'
                        ).rstrip('. ') + '.'
        return text
