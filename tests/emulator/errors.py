"""The one exception the actions raise: an API answer with a code other than 1."""


class ApiError(Exception):
    """An answer ``{"status": {"code": code, "message": en or cn}}``.

    ``code`` is a string, ``en``/``cn`` the message for ``lang=en``/``lang=cn``.
    """

    def __init__(self, code, en, cn=None):
        Exception.__init__(self, '%s %s' % (code, en))
        self.code = str(code)
        self.en = en
        self.cn = cn if cn is not None else en

    def message(self, lang):
        return self.cn if lang == 'cn' else self.en


def missing(code, name):
    """A required parameter is missing (code as documented for the action)."""
    return ApiError(code, 'Missing parameter: %s' % name, '缺少参数: %s' % name)


def bad_param(name, expected):
    """A parameter value the documents give no code for: code 3 (unknown error), clear message."""
    return ApiError('3', 'Invalid parameter %s, expected %s' % (name, expected),
                    '参数 %s 错误，应为 %s' % (name, expected))
