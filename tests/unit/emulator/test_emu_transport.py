"""Envelope, methods, formats, languages and time of the emulator's answers."""
import datetime
import json
import os
import re
import xml.etree.ElementTree as ET

SAMPLE_XML = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'real-responses',
                          'issue_reported_responses', 'xml_code-1_2018-08-15.xml')


def test_get_on_an_action_answers_code_2(emu):
    status, headers, body = emu.http('GET', '/Domain.List?format=json')
    assert status == 200
    assert json.loads(body)['status']['code'] == '2'


def test_put_on_an_action_answers_code_2(emu):
    status, _h, body = emu.http('PUT', '/Record.List?format=json', b'')
    assert status == 200 and json.loads(body)['status']['code'] == '2'


def test_every_answer_is_http_200_text_html(emu):
    status, headers, body = emu.http('POST', '/Domain.Info',
                                     {'login_token': 'bad', 'format': 'json',
                                      'domain': 'example.com'})
    assert status == 200
    assert headers['Content-Type'] == 'text/html;charset=UTF-8'
    assert json.loads(body)['status']['code'] == '10002'


def test_status_code_is_a_string_and_message_created_at_present(emu):
    answer = emu.call('Info.Version')
    status = answer['status']
    assert status == {'code': '1', 'message': '4.6', 'created_at': status['created_at']}
    assert re.match(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$', status['created_at'])


def test_created_at_is_beijing_time(emu):
    answer = emu.call('Info.Version')
    created = datetime.datetime.strptime(answer['status']['created_at'], '%Y-%m-%d %H:%M:%S')
    beijing = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) \
        + datetime.timedelta(hours=8)
    assert abs((beijing - created).total_seconds()) < 5


def test_record_created_on_is_beijing_time(emu):
    emu.create(sub_domain='www', record_type='A', value='1.2.3.4')
    record = [r for r in emu.records() if r['name'] == 'www'][0]
    updated = datetime.datetime.strptime(record['updated_on'], '%Y-%m-%d %H:%M:%S')
    beijing = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) \
        + datetime.timedelta(hours=8)
    assert abs((beijing - updated).total_seconds()) < 5


def test_without_format_the_answer_is_xml_like_the_live_api(emu):
    status, headers, body = emu.http('POST', '/Domain.Info', {'login_token': 'nope'})
    assert status == 200
    text = body.decode('utf-8')
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<dnspod>\n<status>\n<code>')
    root = ET.fromstring(body)
    sample = ET.parse(SAMPLE_XML).getroot()
    assert root.tag == sample.tag == 'dnspod'
    assert [c.tag for c in root.find('status')] == [c.tag for c in sample.find('status')]
    assert '<message><![CDATA[' in text


def test_xml_failed_login_matches_the_reported_body(emu):
    _s, _h, body = emu.http('POST', '/Info.Version',
                            {'login_email': 'api@example.com', 'login_password': 'wrong-pass'})
    root = ET.fromstring(body)
    sample = ET.parse(SAMPLE_XML).getroot()
    assert root.find('status/code').text == sample.find('status/code').text == '-1'
    assert root.find('status/message').text == sample.find('status/message').text


def test_format_other_than_json_is_xml(emu):
    _s, _h, body = emu.http('POST', '/Info.Version', {'login_token': emu.token, 'format': 'yaml'})
    assert ET.fromstring(body).find('status/message').text == '4.6'


def test_xml_success_with_lists(emu):
    _s, _h, body = emu.http('POST', '/Record.List', {'login_token': emu.token,
                                                     'domain': 'example.com', 'format': 'xml'})
    root = ET.fromstring(body)
    assert root.find('status/code').text == '1'
    assert len(root.findall('records/item')) == 2
    assert root.find('records/item/hold').text == 'hold'


def test_lang_cn_gives_chinese_messages_as_escapes(emu):
    _s, _h, body = emu.http('POST', '/Record.Info', {
        'login_token': emu.token, 'format': 'json', 'lang': 'cn', 'domain_id': '1001',
        'record_id': '1'})
    assert b'\\u8bb0\\u5f55\\u7f16\\u53f7\\u9519\\u8bef' in body     # 记录编号错误, escaped
    assert json.loads(body)['status']['message'] == '记录编号错误'


def test_lang_en_is_the_default(emu):
    assert emu.call('Record.Info', domain_id='1001', record_id='1')['status']['message'] \
        == 'Record id invalid'
    assert emu.call('Record.Info', domain_id='1001', record_id='1', lang='cn')['status'][
        'message'] != 'Record id invalid'


def test_non_ascii_is_escaped_in_json(emu):
    _s, _h, body = emu.http('POST', '/Record.List', {'login_token': emu.token,
                                                     'domain': 'example.com', 'format': 'json'})
    assert b'"line":"\\u9ed8\\u8ba4"' in body
    body.decode('ascii')


def test_unknown_action_answers_minus_99(emu):
    assert emu.code('Nonexistent.Action', domain='example.com') == '-99'
    assert emu.code('No.Such') == '-99'


def test_auth_is_not_an_action_on_the_cn_flavour(emu):
    assert emu.code('Auth', auth=False, login_email='api@example.com',
                    login_password='emulator-password') == '-99'


def test_unknown_control_endpoint_is_404(emu):
    assert emu.http('GET', '/_emulator/nothing')[0] == 404
    assert emu.http('POST', '/_emulator/nothing', b'')[0] == 404


def test_health(emu):
    status, _h, body = emu.http('GET', '/_emulator/health')
    assert status == 200 and json.loads(body)['ok'] is True


def test_info_version_and_user_detail(emu):
    assert emu.call('Info.Version')['status']['message'] == '4.6'
    user = emu.call('User.Detail')['info']['user']
    assert user['id'] == '10000' and user['email'] == 'api@example.com'
    assert user['user_grade'] == 'DP_Free'
    assert user['agent_pending'] is False and isinstance(user['balance'], int)


def test_chunked_body(emu):
    import http.client
    host, port = emu.url[len('http://'):].split(':')
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    body = 'login_token=%s&format=json&domain=example.com' % emu.token
    conn.request('POST', '/Domain.Info', body=iter([body[:10].encode(), body[10:].encode()]),
                 headers={'Content-Type': 'application/x-www-form-urlencoded',
                          'Transfer-Encoding': 'chunked'}, encode_chunked=True)
    answer = json.loads(conn.getresponse().read())
    assert answer['domain']['name'] == 'example.com'
    conn.request('POST', '/Info.Version', body='login_token=%s&format=json' % emu.token,
                 headers={'Content-Type': 'application/x-www-form-urlencoded'})
    assert json.loads(conn.getresponse().read())['status']['message'] == '4.6'
    conn.close()
