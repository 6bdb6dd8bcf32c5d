"""The default emulator account's credentials, importable by test modules.

Test modules must not ``from conftest import``: when tests/unit and tests/e2e are collected in one
run, the module named ``conftest`` may be another directory's.
"""
TOKEN = '10000,0123456789abcdef0123456789abcdef'
PASSWORD = 'emulator-password'
EMAIL = 'api@example.com'
UA = 'dnspod-emulator-tests/1.0 (tests@example.com)'
