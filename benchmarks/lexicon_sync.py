"""The same record sets managed with dns-lexicon's DNSPod provider, pointed at the emulator.

Run by benchmarks/run.py with the benchmark's own virtual environment (dns-lexicon installed):
    python lexicon_sync.py API_URL DOMAIN TOKEN_ID TOKEN SETS_JSON

Lexicon has no "make the zone so" operation: a user script (or certbot-style hook) asks for each
set whether it is there (list_records, one unfiltered Record.List of the domain per call), then
updates the record whose value differs or creates the missing one. This is the most favourable
use of lexicon: one provider object for the whole run (one Domain.Info), as a library, not one
`lexicon dnspod ...` process per record.
"""
import json
import sys

from lexicon.config import ConfigResolver
from lexicon._private.providers.dnspod import Provider


def main(argv):
    api_url, domain, token_id, token, sets_file = argv[1:6]
    with open(sets_file) as handle:
        sets = json.load(handle)['sets']
    config = ConfigResolver().with_dict({
        'provider_name': 'dnspod', 'domain': domain,
        'dnspod': {'auth_username': token_id, 'auth_token': token},
    })
    provider = Provider(config)
    provider.api_endpoint = api_url           # a plain attribute of the provider object
    provider.authenticate()
    created = updated = 0
    for item in sets:
        name = item['sub_domain']
        value = item['value'][0]
        existing = provider.list_records(rtype=item['record_type'], name=name)
        if any(record['content'] == value for record in existing):
            continue
        if existing:
            provider.update_record(existing[0]['id'], item['record_type'], name, value)
            updated += 1
        else:
            provider.create_record(item['record_type'], name, value)
            created += 1
    print(json.dumps({'created': created, 'updated': updated}))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
