"""offset/length paging shared by Domain.List and Record.List."""
from .errors import ApiError
from . import validate


def page(ctx, offset_code, length_code):
    """(offset, length) from the call, with the documented codes for invalid values.

    No length: ``default_page_size``; more than ``max_page_size``: cut to it (the documents'
    forced paging at 3000).
    """
    settings = ctx.settings
    raw = ctx.get('offset')
    if raw is None or raw.strip() == '':
        offset = 0
    else:
        offset = validate.int_param(raw)
        if offset is None or offset < 0:
            raise ApiError(offset_code, 'Offset invalid', '记录开始的偏移无效')
    raw = ctx.get('length')
    if raw is None or raw.strip() == '':
        length = settings['default_page_size']
    else:
        length = validate.int_param(raw)
        if length is None or length <= 0:
            raise ApiError(length_code, 'Length invalid', '共要获取的记录的数量无效')
    return offset, min(length, settings['max_page_size'])
