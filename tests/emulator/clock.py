"""Time helpers: the API speaks Beijing time (UTC+8); windows use a monotonic clock."""
import datetime
import time

BEIJING = datetime.timezone(datetime.timedelta(hours=8), 'Asia/Shanghai')


def beijing_now():
    """'YYYY-MM-DD HH:MM:SS' in Beijing time, like status.created_at."""
    return datetime.datetime.now(BEIJING).strftime('%Y-%m-%d %H:%M:%S')


def monotonic():
    return time.monotonic()
