# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Records on Tencent Cloud API 3.0: DescribeRecordList, DescribeRecord, CreateRecord, ModifyRecord,
DeleteRecord, ModifyRecordStatus, ModifyRecordRemark, ModifyDynamicDNS, DescribeRecordType,
DescribeRecordLineList, and the batch jobs CreateRecordBatch, ModifyRecordBatchV3, DeleteRecordBatch
followed with DescribeBatchTask.

The methods, their arguments and the canonical records they return are those of
dnspod_api/records.py. Differences of the API, and what is done about them:

* DescribeRecordList's answer carries no domain block (only RecordCountInfo and RecordList), so
  ``list_with_domain`` reads the domain first with one DescribeDomain (its ID, name and grade, which
  the planners need for the grade's checks), then the records by ``DomainId``, in pages of the
  client's ``page_size`` (at most 3000, the action's limit). ``list`` sends DescribeRecordList only.
* An empty listing is code ResourceNotFound.NoDataOfRecord unless ``ErrorOnEmpty`` is ``no``: both
  are sent/read as an empty list.
* Lost answers: a CreateRecord retried after a transport fault whose first copy was carried out is
  answered InvalidParameter.DomainRecordExist; the record is then found with one filtered listing
  (never created twice). A ModifyRecord or DeleteRecord of a record that is gone is answered
  InvalidParameter.RecordIdInvalid: the Modify creates the record it was to leave behind, the
  Delete is done.
* ModifyRecord always carries ``Status`` (its default is ENABLE: a Modify without it would enable a
  disabled record).
"""

from __future__ import annotations

import time

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodError, DNSPodTransportError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import (
    NEW_DOMAIN_CODES as _NEW_DOMAIN_CODES,
    UNKNOWN_DOMAIN_CODES as _UNKNOWN_DOMAIN_CODES,
    domain_from_api,
    domain_param,
    remember,
    grade_to_api,
    int_or_text,
    record_from_api,
    status_to_api,
)

UNKNOWN_DOMAIN_CODES = _UNKNOWN_DOMAIN_CODES
NEW_DOMAIN_CODES = _NEW_DOMAIN_CODES
EMPTY_CODES = ('ResourceNotFound.NoDataOfRecord',)
RECORD_EXISTS_CODE = 'InvalidParameter.DomainRecordExist'
RECORD_GONE_CODES = ('InvalidParameter.RecordIdInvalid', 'ResourceNotFound.NoDataOfRecord')
LIST_LIMIT = 3000                   # DescribeRecordList: "Limit at most 3000"

# Batch jobs. ModifyRecordBatch(V3) and CreateRecordBatch refuse a job of more than 5000 records
# (InvalidParameter.JobGreaterThanLimit); DeleteRecordBatch's documentation advises at most 2000.
# One size for the three keeps a job's DescribeBatchTask answer small and spends few of the 80 jobs
# an hour an address may submit (RequestLimitExceeded.BatchTaskLimit).
BATCH_SIZE = 2000
# DescribeBatchTask polls: the waits before each (seconds), and the longest wait in all.
POLL_WAITS = (0.5, 1.0, 2.0, 2.0, 3.0, 3.0, 5.0, 5.0, 5.0, 5.0, 10.0, 10.0, 10.0, 10.0, 10.0)
# A job refused before anything was written because of the account's or the address's job quotas
# (4 jobs at once, 80 an hour, one unfinished job): its records are written one by one instead.
QUOTA_CODES = ('InvalidParameter.BatchTaskCountLimit', 'RequestLimitExceeded.BatchTaskLimit',
               'InvalidParameter.BatchLimitUndo', 'InvalidParameter.DomainTaskNotFinished')
DONE_WORDS = ('success', 'succeeded', 'succeed', 'ok', 'done', 'finished', 'complete', 'completed')
PENDING_WORDS = ('', 'running', 'waiting', 'wait', 'pending', 'processing', 'doing', 'init', 'created')


def record_params(domain, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None,
                  status=None):
    """The body of CreateRecord/ModifyRecord (``domain``: the ``domain_param`` of the domain): MX only
    for MX, Status ENABLE/DISABLE."""
    params = dict(domain, SubDomain=sub_domain, RecordType=record_type, RecordLine=record_line, Value=value,
                  TTL=None if ttl is None else to_int(ttl), Weight=None if weight is None else to_int(weight))
    if mx is not None and str(record_type).upper() == 'MX':
        params['MX'] = to_int(mx)
    if status is not None:
        params['Status'] = status_to_api(status)
    return params


def batch_outcome(done, record_id=None, error=None, single=False):
    """One record's outcome of a batch job: ``done`` True (carried out), False (refused: ``error``
    says why) or None (unknown); ``record_id`` the record's ID (a create's new one); ``single``: the
    job was refused for a quota before anything was written, the record is to be written alone."""
    return {'done': done, 'record_id': None if record_id in (None, '') else str(record_id), 'error': error,
            'single': single}


class Records:
    """The records of the account's domains on API 3.0, over one client."""

    UNKNOWN_DOMAIN_CODES = UNKNOWN_DOMAIN_CODES
    NEW_DOMAIN_CODES = NEW_DOMAIN_CODES
    batch_size = BATCH_SIZE

    def __init__(self, client):
        self.client = client

    def domain_param(self, domain):
        return domain_param(self.client, domain)

    def domain_ref(self, domain_id, name):
        """What to pass as ``domain`` for a domain known by ID and name (the lookup's cached names):
        the ID, its name noted for ``domain_param`` (API 3.0 wants both), so no call looks it up."""
        remember(self.client, {'id': str(domain_id), 'name': name})
        return domain_id

    # ---- reads ------------------------------------------------------------------------------

    def known_name(self, domain):
        """The name of a domain given by name or ID, which every call sends (an ID's name is read once
        per client with DescribeDomainList), for a reading that needs it before the listing (a full
        host name in a domain given by ID); None for an ID the account does not hold (the listing
        then raises the error)."""
        try:
            return domain_param(self.client, domain)['Domain']
        except DNSPodAPIError:
            return None

    def list(self, domain, sub_domain=None, record_type=None, record_line=None):
        """Every record of the domain (canonical), paged; the filters are sent and applied again."""
        params = dict(domain_param(self.client, domain), SubDomain=sub_domain, RecordType=record_type,
                      RecordLine=record_line, ErrorOnEmpty='no')

        def total_of(answer):
            info = answer.get('RecordCountInfo') or {}
            return to_int(info['TotalCount'], None) if 'TotalCount' in info else None
        items = self.client.paged('DescribeRecordList', params, 'RecordList', total_of, limit=LIST_LIMIT,
                                  empty_codes=EMPTY_CODES)
        records = [record_from_api(item) for item in items]
        if sub_domain is not None:
            wanted = str(sub_domain).strip().lower() or '@'
            records = [r for r in records if r['sub_domain'] == wanted]
        if record_type is not None:
            records = [r for r in records if r['record_type'] == str(record_type).strip().upper()]
        if record_line is not None:
            records = [r for r in records if r['record_line'].lower() == str(record_line).strip().lower()]
        return records

    def list_with_domain(self, domain, sub_domain=None, record_type=None, record_line=None):
        """``(canonical domain, records)``: one DescribeDomain (API 3.0's listing names no domain),
        then DescribeRecordList by its ID. Raises DNSPodAPIError (UNKNOWN_DOMAIN_CODES)."""
        answer = self.client.call('DescribeDomain', domain_param(self.client, domain))
        found = remember(self.client, domain_from_api(answer.get('DomainInfo')))
        if not found['id']:
            raise DNSPodTransportError('DescribeDomain', 'the answer holds no domain id', 1)
        return found, self.list(found['id'], sub_domain, record_type, record_line)

    def info(self, domain_id, record_id):
        """DescribeRecord of one record (canonical), or None for an unknown ID."""
        try:
            answer = self.client.call('DescribeRecord', dict(domain_param(self.client, domain_id), RecordId=int_or_text(record_id)))
        except DNSPodAPIError as exc:
            if exc.code in RECORD_GONE_CODES:
                return None
            raise
        record = record_from_api(answer.get('RecordInfo'))
        return record if record.get('id') else None

    def types(self, grade):
        """DescribeRecordType: the record types of a domain grade."""
        answer = self.client.call('DescribeRecordType', {'DomainGrade': grade_to_api(grade)})
        return [to_str(t) for t in answer.get('TypeList') or []]

    def lines(self, grade, domain=None):
        """DescribeRecordLineList: the line names of a grade (of one domain, when given)."""
        return self.lines_and_ids(grade, domain)[0]

    def lines_and_ids(self, grade, domain=None):
        """DescribeRecordLineList -> ``(line names, {name: line id})``. The action wants a domain:
        without one, the grade's lines are those of no domain in particular (``Domain`` left out)."""
        params = {'DomainGrade': grade_to_api(grade)}
        if domain is not None:
            params.update(domain_param(self.client, domain))
        answer = self.client.call('DescribeRecordLineList', params)
        lines, ids = [], {}
        for item in answer.get('LineList') or []:
            if not isinstance(item, dict):
                continue
            name = to_str(item.get('Name'))
            lines.append(name)
            if item.get('LineId') not in (None, ''):
                ids[name] = to_str(item.get('LineId'))
        return lines, ids

    def _find(self, domain_id, sub_domain, record_type, record_line, value, mx=None):
        """The id of the record with this value in the set, or None (newest id if several)."""
        key = names.value_key(record_type, value)
        found = [r for r in self.list(domain_id, sub_domain=sub_domain or '@', record_type=record_type,
                                      record_line=record_line)
                 if names.value_key(record_type, r['value']) == key and (mx is None or r['mx'] == to_int(mx))]
        if not found:
            return None
        return max(found, key=lambda r: (to_int(r['id'], 0), r['id']))['id']

    # ---- single writes ----------------------------------------------------------------------

    def create(self, domain_id, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None,
               status=None):
        """CreateRecord -> the new record's id (str); ``status`` goes with it (a record created
        disabled is never enabled). "Record exists" (our retry after a lost answer, or another task
        created it meanwhile) and an answer without an id are resolved by one filtered listing."""
        params = record_params(domain_param(self.client, domain_id), sub_domain, record_type, record_line, value, ttl, mx,
                               weight, status)
        try:
            answer = self.client.call('CreateRecord', params)
        except DNSPodAPIError as exc:
            if exc.code != RECORD_EXISTS_CODE:
                raise
            record_id = self._find(domain_id, sub_domain, record_type, record_line, value, mx)
            if record_id is None:
                raise DNSPodAPIError(exc.action, exc.code, exc.message)
            return record_id
        record_id = answer.get('RecordId')
        if record_id in (None, ''):
            record_id = self._find(domain_id, sub_domain, record_type, record_line, value, mx)
            if record_id is None:
                raise DNSPodTransportError('CreateRecord', 'the answer holds no record id', 1)
        return str(record_id)

    def modify(self, domain_id, record_id, sub_domain, record_type, record_line, value, ttl=None, mx=None,
               weight=None, status=None):
        """ModifyRecord with every field and the record's ``Status``. A record gone meanwhile
        (InvalidParameter.RecordIdInvalid) is created as this Modify was to leave it."""
        params = record_params(domain_param(self.client, domain_id), sub_domain, record_type, record_line, value, ttl, mx, weight,
                               status or 'enabled')
        params['RecordId'] = int_or_text(record_id)
        try:
            self.client.call('ModifyRecord', params)
        except DNSPodAPIError as exc:
            if exc.code not in RECORD_GONE_CODES:
                raise
            self.create(domain_id, sub_domain, record_type, record_line, value, ttl=ttl, mx=mx, weight=weight,
                        status=status)

    def remove(self, domain_id, record_id):
        """DeleteRecord; a record already gone (our lost first copy, another run) is done."""
        try:
            self.client.call('DeleteRecord', dict(domain_param(self.client, domain_id), RecordId=int_or_text(record_id)))
        except DNSPodAPIError as exc:
            if exc.code not in RECORD_GONE_CODES:
                raise

    def set_status(self, domain_id, record_id, status):
        """ModifyRecordStatus: 'enabled'/'disabled' -> ENABLE/DISABLE."""
        self.client.call('ModifyRecordStatus', dict(domain_param(self.client, domain_id), RecordId=int_or_text(record_id),
                                                    Status=status_to_api(status)))

    def set_remark(self, domain_id, record_id, remark):
        """ModifyRecordRemark (an empty remark removes it)."""
        self.client.call('ModifyRecordRemark', dict(domain_param(self.client, domain_id), RecordId=int_or_text(record_id),
                                                    Remark=remark or ''))

    def ddns(self, domain_id, record, value=None):
        """ModifyDynamicDNS of ``record`` (canonical): its name and line are sent so that nothing is
        renamed; ``value`` None lets the API use the caller's address. The answer holds only the
        RecordId: the value stored is ``value`` when given, else None (not said)."""
        params = dict(domain_param(self.client, domain_id), RecordId=int_or_text(record['id']), SubDomain=record['sub_domain'],
                      RecordLine=record['record_line'], RecordLineId=record.get('record_line_id') or None, Value=value)
        self.client.call('ModifyDynamicDNS', params)
        return str(value) if value not in (None, '') else None

    # ---- batch writes -----------------------------------------------------------------------

    @staticmethod
    def batch_expresses(kind, record):
        """Whether a batch job can write ``record`` (canonical fields) as the single write would:
        CreateRecordBatch's items (AddRecordBatch) have no status, remark nor weight, so a record
        created disabled or with a weight is created alone (CreateRecord); ModifyRecordBatchV3's
        items (ModifyRecordItem) carry every field; DeleteRecordBatch takes IDs."""
        if kind == 'create':
            return (record.get('status') or 'enabled') == 'enabled' and record.get('weight') is None
        return kind in ('modify', 'remove')

    def apply_batch(self, domain_id, kind, records):
        """Write ``records`` with batch jobs of at most ``batch_size`` -> one outcome per record, in
        order (``batch_outcome``: done True/False/None, record_id, error).

        ``kind`` 'create': canonical fields (sub_domain, record_type, record_line, value, ttl, mx) ->
        CreateRecordBatch; 'modify': the record's whole fields after the write with its ``id``
        (status and remark too) -> ModifyRecordBatchV3; 'remove': records with their ``id`` ->
        DeleteRecordBatch. Each job is followed with DescribeBatchTask (bounded polls, the client's
        sleep) and each record's status read from its answer. A job whose answer was lost, that did
        not finish within the polls, or whose answer does not name a record, is settled by reading the
        domain's records once (``_settle``): never sent twice."""
        outcomes = []
        for start in range(0, len(records), self.batch_size):
            try:
                outcomes.extend(self._job(domain_id, kind, records[start:start + self.batch_size]))
            except DNSPodError as exc:
                if not outcomes:
                    raise           # nothing written: the API's own error
                # a later job refused: the earlier jobs' outcomes stand, these records were not sent
                return outcomes + [batch_outcome(False, r.get('id'), 'not sent: %s' % exc) for r in records[start:]]
        return outcomes

    def _job(self, domain_id, kind, chunk):
        if kind == 'create':
            action = 'CreateRecordBatch'
            params = {'DomainIdList': [str(domain_id)], 'RecordList': [self._add_item(r) for r in chunk]}
        elif kind == 'modify':
            action = 'ModifyRecordBatchV3'
            params = {'ModifyRecordList': [self._modify_item(r) for r in chunk]}
        elif kind == 'remove':
            action = 'DeleteRecordBatch'
            params = {'RecordIdList': [int_or_text(r['id']) for r in chunk]}
        else:
            raise ValueError('unknown batch kind %r' % (kind,))
        try:
            answer = self.client.call(action, params)
        except DNSPodTransportError:
            return self._settle(domain_id, kind, chunk, [None] * len(chunk))
        except DNSPodAPIError as exc:
            if exc.code not in QUOTA_CODES:
                raise
            return [batch_outcome(False, r.get('id'), str(exc), single=True) for r in chunk]
        job = answer.get('JobId')
        if job in (None, ''):
            return self._settle(domain_id, kind, chunk, [None] * len(chunk))
        report = self._follow(job)
        outcomes = [None] * len(chunk) if report is None else self._match(kind, chunk, report)
        if any(self._unsettled(kind, o) for o in outcomes):
            return self._settle(domain_id, kind, chunk, outcomes)
        return outcomes

    @staticmethod
    def _unsettled(kind, outcome):
        """Whether an outcome is to be read back: unknown, refused (a second copy of a job whose
        answer was lost refuses what the first did: "record exists", "no such record"; another task
        may have written the same), or a create without its new ID."""
        return outcome is None or not outcome['done'] or (kind == 'create' and not outcome['record_id'])

    @staticmethod
    def _add_item(record):
        item = {'SubDomain': record['sub_domain'], 'RecordType': record['record_type'],
                'RecordLine': record['record_line'], 'Value': record['value']}
        if record.get('ttl') is not None:
            item['TTL'] = to_int(record['ttl'])
        if str(record['record_type']).upper() == 'MX' and record.get('mx') is not None:
            item['MX'] = to_int(record['mx'])
        return item

    @staticmethod
    def _modify_item(record):
        item = {'RecordId': int_or_text(record['id']), 'SubDomain': record['sub_domain'],
                'RecordType': record['record_type'], 'RecordLine': record['record_line'], 'Value': record['value'],
                # ModifyRecordItem.Enabled: "1" on, "0" paused (a string in the model)
                'Enabled': '1' if (record.get('status') or 'enabled') == 'enabled' else '0',
                'Remark': record.get('remark') or ''}
        if record.get('ttl') is not None:
            item['TTL'] = to_int(record['ttl'])
        if record.get('weight') is not None:
            item['Weight'] = to_int(record['weight'])
        if str(record['record_type']).upper() == 'MX' and record.get('mx') is not None:
            item['MX'] = to_int(record['mx'])
        return item

    def _follow(self, job):
        """DescribeBatchTask until every record of the job has an outcome (SuccessCount + FailCount
        reach TotalCount and no record is still running) -> the last answer, or None when the polls
        ran out (or could not be sent)."""
        sleep = getattr(self.client, 'sleep', None) or time.sleep
        for wait in POLL_WAITS:
            sleep(wait)
            try:
                answer = self.client.call('DescribeBatchTask', {'JobId': int_or_text(job)})
            except DNSPodError:
                return None
            total = to_int(answer.get('TotalCount'), 0)
            settled = to_int(answer.get('SuccessCount'), 0) + to_int(answer.get('FailCount'), 0)
            items = [i for d in answer.get('DetailList') or [] for i in (d.get('RecordList') or [])]
            running = any(to_str(i.get('Status')).strip().lower() in PENDING_WORDS for i in items)
            if total and settled >= total and not running:
                return answer
        return None

    @staticmethod
    def _match(kind, chunk, report):
        """Each record's outcome from the DescribeBatchTask answer: by RecordId for a modify or a
        remove, by name, type, line and value for a create; None for a record the answer does not
        name."""
        items = [i for d in report.get('DetailList') or [] for i in (d.get('RecordList') or [])]
        by_id, by_key = {}, {}
        for item in items:
            if item.get('RecordId') not in (None, ''):
                by_id[str(item['RecordId'])] = item
            rtype = to_str(item.get('RecordType')).upper()
            key = ((to_str(item.get('SubDomain')) or '@').lower(), rtype, to_str(item.get('RecordLine')).lower(),
                   names.value_key(rtype, to_str(item.get('Value'))))
            by_key.setdefault(key, item)
        outcomes = []
        for record in chunk:
            if kind == 'create':
                rtype = str(record['record_type']).upper()
                item = by_key.get((str(record['sub_domain']).lower(), rtype, str(record['record_line']).lower(),
                                   names.value_key(rtype, record['value'])))
            else:
                item = by_id.get(str(record['id']))
            if item is None:
                outcomes.append(None)
                continue
            status = to_str(item.get('Status')).strip().lower()
            if status in DONE_WORDS:
                outcomes.append(batch_outcome(True, item.get('RecordId') if kind == 'create' else record['id']))
            else:
                outcomes.append(batch_outcome(False, record.get('id'), to_str(item.get('ErrMsg')) or status or 'failed'))
        return outcomes

    def _settle(self, domain_id, kind, chunk, outcomes):
        """The outcomes the job's answers did not settle (``_unsettled``), from one listing of the
        domain: a create is done when its record is there (its ID read), a remove when the ID is gone,
        a modify when the record holds the fields sent. None when the listing cannot be read either."""
        try:
            current = self.list(domain_id)
        except DNSPodError:
            return [o if o is not None else batch_outcome(None) for o in outcomes]
        by_id = dict((r['id'], r) for r in current)
        settled = []
        for record, outcome in zip(chunk, outcomes):
            if not self._unsettled(kind, outcome):
                settled.append(outcome)
                continue
            read = self._read_outcome(kind, record, current, by_id)
            # a refusal the records do not contradict keeps the job's own reason
            settled.append(read if read['done'] or outcome is None else outcome)
        return settled

    @staticmethod
    def _read_outcome(kind, record, current, by_id):
        rtype = str(record['record_type']).upper()
        if kind == 'remove':
            gone = str(record['id']) not in by_id
            return batch_outcome(gone, record['id'], None if gone else 'the record is still there after the job')
        key = names.value_key(rtype, record['value'])
        if kind == 'create':
            found = [r for r in current if r['record_type'] == rtype and not r['hold']
                     and r['sub_domain'] == (str(record['sub_domain']).lower() or '@')
                     and r['record_line'].lower() == str(record['record_line']).lower()
                     and names.value_key(rtype, r['value']) == key
                     and (rtype != 'MX' or record.get('mx') is None or r['mx'] == to_int(record['mx']))]
            if not found:
                return batch_outcome(False, None, 'the record is not there after the job')
            return batch_outcome(True, max(found, key=lambda r: (to_int(r['id'], 0), r['id']))['id'])
        now = by_id.get(str(record['id']))
        same = now is not None and names.value_key(rtype, now['value']) == key and all(
            record.get(k) is None or now.get(k) == record.get(k) for k in ('ttl', 'weight', 'status')) and (
            'remark' not in record or now['remark'] == (record.get('remark') or ''))
        return batch_outcome(same, record['id'], None if same else 'the record does not show the change after the job')
