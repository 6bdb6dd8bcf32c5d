"""Per-account call rate: more than ``rate_limit_per_hour`` accepted calls in a sliding hour
answer -2 (the refused calls are not counted)."""
from .clock import monotonic
from .errors import ApiError

WINDOW = 3600.0


def check(state, account):
    limit = state.settings['rate_limit_per_hour']
    if not limit:
        return
    now = monotonic()
    calls = account.calls
    while calls and calls[0] <= now - WINDOW:
        calls.popleft()
    if len(calls) >= limit:
        raise ApiError('-2', 'API usage is limited', 'API使用超出限制')
    calls.append(now)
