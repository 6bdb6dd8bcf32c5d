# -*- coding: utf-8 -*-
"""Names and values mean what DNS means (issue 13, section 3): IDNA 2008 with the UTS 46 mapping,
full names without the final dot, one string is one value, refusals, the default line."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import names, normalize, record_module, validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError


# --- IDNA 2008 (not Python's IDNA 2003 codec) ------------------------------------------------------

@pytest.mark.parametrize('given, expected', [
    (u'faß.de', 'xn--fa-hia.de'),                  # IDNA 2003: fass.de
    (u'FASS.de', 'fass.de'),
    (u'Faß.DE.', 'xn--fa-hia.de'),
    (u'Bücher.example', 'xn--bcher-kva.example'),
    (u'ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com'),     # width mapping of UTS 46
])
def test_domain_names_follow_idna_2008(given, expected):
    assert names.normalize_domain_name(given) == expected
    assert normalize.to_punycode(given.rstrip('.')) == expected


@pytest.mark.parametrize('given, expected', [
    (u'straße', 'xn--strae-oqa'),                  # IDNA 2003: strasse
    (u'Straße.faß.de.', 'xn--strae-oqa'),
    (u'_dmarc.straße', '_dmarc.xn--strae-oqa'),
])
def test_host_names_follow_idna_2008(given, expected):
    assert names.relative_name(given, u'faß.de') == expected


def test_target_names_follow_idna_2008():
    assert names.normalize_value('CNAME', u'straße.faß.de') == 'xn--strae-oqa.xn--fa-hia.de.'
    assert names.value_key('CNAME', u'straße.faß.de') != names.value_key('CNAME', 'strasse.fass.de')


@pytest.mark.parametrize('invisible', [u'\u200b', u'\u00ad', u'\u2060', u'\ufeff', u'\u034f'])
def test_invisible_characters_are_refused_not_dropped(invisible):
    with pytest.raises(ValueError, match='invisible character U\\+%04X' % ord(invisible)):
        names.relative_name(u'w%sww' % invisible, 'example.com')
    with pytest.raises(ValueError, match='invisible'):
        names.normalize_domain_name(u'exa%smple.com' % invisible)
    with pytest.raises(ValueError, match='invisible'):
        names.normalize_value('CNAME', u'w%sww.example.net' % invisible)


@pytest.mark.parametrize('bad', [
    u'w\u200cww',          # zero-width non-joiner outside its context (CONTEXTJ)
    u'\u2603',             # a snowman: not a letter of any script
    u'a\u0301b'[1:],       # a label starting with a combining mark
    u'\u05d0a',            # right-to-left label mixing in a left-to-right letter (Bidi rule)
])
def test_what_idna_2008_refuses_is_refused(bad):
    with pytest.raises(ValueError, match='IDNA 2008|not allowed'):
        names.relative_name(bad, 'example.com')


def test_refusal_names_the_parameter():
    with pytest.raises(ValidationError) as info:
        record_module.desired_set(dict(sub_domain=u'w\u200bww', record_type='A', value=['192.0.2.1']),
                                  'example.com', u'默认', parameter_prefix='records[3].')
    assert str(info.value).startswith('records[3].sub_domain: ')
    with pytest.raises(ValidationError) as info:
        record_module.domain_name_for_validation(u'ex\u00adample.com')
    assert info.value.parameter == 'domain'


def test_without_the_idna_library_an_internationalised_name_says_so(monkeypatch):
    monkeypatch.setattr(names, 'HAS_IDNA', False)
    with pytest.raises(ValueError, match='needs the Python library idna'):
        names._uts46(u'faß')
    # ASCII names need no library.
    assert names.relative_name('www.example.com', 'example.com') == 'www'


# --- a full name without the final dot needs the domain's name -------------------------------------

@pytest.mark.parametrize('name, needs', [
    ('www.example.com', True), ('www.example.com.', True), ('example.com', True), ('www.dev', True),
    ('www', False), ('@', False), ('', False), ('_dmarc', False), ('_sip._tcp', False), ('*', False),
])
def test_may_be_full_name(name, needs):
    assert names.may_be_full_name(name) is needs
    assert record_module.needs_domain_name(name) is needs


def test_prevalidate_by_id_checks_everything_but_the_domain_name():
    record_module.prevalidate_by_id(dict(sub_domain='www.example.com.', record_type='A', value=['192.0.2.1']),
                                    u'默认')
    with pytest.raises(ValidationError) as info:
        record_module.prevalidate_by_id(dict(sub_domain='www.example.com', record_type='A', value=['999.1.1.1']),
                                        u'默认', parameter_prefix='records[0].')
    assert info.value.parameter == 'records[0].value'


def test_full_name_over_253_characters_is_refused_once_the_name_is_known():
    long_name = '.'.join(['a' * 61] * 4)   # 247 characters: a valid relative name on its own
    params = dict(sub_domain=long_name, record_type='A', value=['192.0.2.1'])
    assert record_module.desired_set(params, None, u'默认').sub_domain == long_name
    with pytest.raises(ValidationError, match='at most 253 characters') as info:
        record_module.desired_set(params, 'example.com', u'默认')
    assert info.value.parameter == 'sub_domain'


# --- one string is one value -----------------------------------------------------------------------

DMARC = 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:reports@example.net'


@pytest.mark.parametrize('given, expected', [
    (None, None),
    (DMARC, [DMARC]),
    ([DMARC], [DMARC]),
    (['192.0.2.1', '192.0.2.2'], ['192.0.2.1', '192.0.2.2']),
    ('192.0.2.1,192.0.2.2', ['192.0.2.1,192.0.2.2']),
    (12345, ['12345']),
    ([], []),
])
def test_value_list(given, expected):
    assert record_module.value_list(given) == expected


@pytest.mark.parametrize('given, parameter', [
    ({'a': 1}, 'value'), (True, 'value'), (['ok', ['nested']], 'value[1]'), (['ok', None], 'value[1]'),
])
def test_value_list_refuses_what_is_no_value(given, parameter):
    with pytest.raises(ValidationError) as info:
        record_module.value_list(given)
    assert info.value.parameter == parameter


def test_the_value_option_is_raw_not_a_comma_split_list():
    assert record_module.record_set_spec()['value']['type'] == 'raw'
    desired = record_module.desired_set(dict(sub_domain='_dmarc', record_type='TXT', value=DMARC), 'example.com',
                                        u'默认')
    assert desired.values == [DMARC]


# --- refused before any write ----------------------------------------------------------------------

@pytest.mark.parametrize('value', ['v=spf1 -all\nv=spf1 mx -all', 'a\r\nb', '"one\ntwo"'])
def test_txt_value_with_a_line_break_is_refused(value):
    with pytest.raises(ValidationError, match='line break') as info:
        validation.validate_value('TXT', value)
    assert info.value.parameter == 'value'


def test_txt_value_with_a_final_line_break_is_stripped():
    # A YAML block scalar (value: |) ends with one; it is not part of the value.
    assert validation.validate_value('TXT', 'v=spf1 -all\n') == 'v=spf1 -all'


@pytest.mark.parametrize('sub_domain, value, domain', [
    ('www', 'www.example.com.', 'example.com'),
    ('www', 'WWW.Example.COM', 'example.com'),
    ('@', 'example.com', 'example.com'),
    ('www.example.com', 'www.example.com', 'example.com'),
])
def test_cname_to_its_own_name_is_refused(sub_domain, value, domain):
    with pytest.raises(ValidationError, match='points to its own name') as info:
        record_module.desired_set(dict(sub_domain=sub_domain, record_type='CNAME', value=[value]), domain, u'默认')
    assert info.value.parameter == 'value'


def test_cname_to_another_name_is_fine():
    desired = record_module.desired_set(dict(sub_domain='www', record_type='CNAME', value=['www.example.net']),
                                        'example.com', u'默认')
    assert desired.values == ['www.example.net.']


# --- the default line ------------------------------------------------------------------------------

@pytest.mark.parametrize('line, default, expected', [
    ('default', u'默认', u'默认'), ('Default', u'默认', u'默认'), (u'默认', u'默认', u'默认'),
    (u'默认', 'default', 'default'), ('Default', 'default', 'default'), (u' 电信 ', u'默认', u'电信'),
    (None, u'默认', None),
])
def test_normalize_line(line, default, expected):
    assert names.normalize_line(line, default) == expected


def test_record_line_default_is_the_default_line():
    desired = record_module.desired_set(dict(sub_domain='www', record_type='A', value=['192.0.2.1'],
                                             record_line='default'), 'example.com', u'默认')
    assert desired.record_line == u'默认'


def test_names_imports_without_idna_and_modules_fail_with_missing_required_lib(monkeypatch):
    import builtins
    import importlib
    import sys

    from ansible_collections.dnspod.dnspod.plugins.module_utils import common

    real_import = builtins.__import__

    def no_idna(name, *args, **kwargs):
        if name == 'idna' or name.startswith('idna.'):
            raise ImportError('No module named idna')
        return real_import(name, *args, **kwargs)

    saved = sys.modules.pop('idna', None)
    monkeypatch.setattr(builtins, '__import__', no_idna)
    try:
        without = importlib.reload(names)
        assert without.HAS_IDNA is False and 'idna' in without.IDNA_IMPORT_ERROR
        assert without.relative_name('www.example.com', 'example.com') == 'www'
        with pytest.raises(ValueError, match='needs the Python library idna'):
            without.normalize_domain_name(u'faß.de')

        class Module(object):
            params = {}

            def fail_json(self, **kwargs):
                raise RuntimeError(kwargs['msg'])
        with pytest.raises(RuntimeError, match='idna'):
            common.create_client(Module())
    finally:
        monkeypatch.setattr(builtins, '__import__', real_import)
        if saved is not None:
            sys.modules['idna'] = saved
        importlib.reload(names)
