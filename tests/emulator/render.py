"""Answer bodies: the JSON or XML envelope of the live API.

Both are sent as HTTP 200 with ``Content-Type: text/html;charset=UTF-8`` like dnsapi.cn; JSON
uses ``\\uXXXX`` escapes for non-ASCII text (``json.dumps`` with ``ensure_ascii=True``).
"""
import json
from xml.sax.saxutils import escape

from .clock import beijing_now

CONTENT_TYPE = 'text/html;charset=UTF-8'


def envelope(code, message, body=None):
    doc = {'status': {'code': str(code), 'message': message, 'created_at': beijing_now()}}
    if body:
        doc.update(body)
    return doc


def to_json(doc):
    return json.dumps(doc, ensure_ascii=True, separators=(',', ':')).encode('ascii')


def _cdata(text):
    return '<![CDATA[%s]]>' % text.replace(']]>', ']]]]><![CDATA[>')


def _xml_value(tag, value, out):
    if isinstance(value, dict):
        out.append('<%s>' % tag)
        for key, item in value.items():
            _xml_value(key, item, out)
        out.append('</%s>' % tag)
    elif isinstance(value, list):
        out.append('<%s>' % tag)
        for item in value:
            _xml_value('item', item, out)
        out.append('</%s>' % tag)
    elif value is None:
        out.append('<%s/>' % tag)
    elif isinstance(value, bool):
        out.append('<%s>%s</%s>' % (tag, 'true' if value else 'false', tag))
    elif tag == 'message':
        out.append('<%s>%s</%s>' % (tag, _cdata(str(value)), tag))
    else:
        out.append('<%s>%s</%s>' % (tag, escape(str(value)), tag))


def to_xml(doc):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<dnspod>']
    for key, value in doc.items():
        _xml_value(key, value, out)
    out.append('</dnspod>')
    return ('\n'.join(out) + '\n').encode('utf-8')


def render(doc, fmt):
    """(body bytes, content type) for format ``fmt`` (anything but 'json' is XML)."""
    if (fmt or '').strip().lower() == 'json':
        return to_json(doc), CONTENT_TYPE
    return to_xml(doc), CONTENT_TYPE
