"""Code 8 on an action that takes an e-mail parameter is "that e-mail has no account" (the English
documents: Domainshare.Create "The target email address not exists"), not the e-mail login refusal
("Prohibit req by email"): the task fails with the API's error and no advice to switch to a token,
no refused-login marker is left, and the next task with the same credentials runs.

(In dnspod_share the Create follows two successful reads, so the old client did not write the
cross-task marker either; what it got wrong here is the advice in the message, and, inside the
task, every later call was refused unsent: tests/unit/plugins/module_utils/test_errors.py.)"""
import os

from seeds import account, actions, domain


def test_share_to_an_unknown_email_does_not_hold_back_the_next_task(play, emulator, ansible_env):
    emulator.reset({'accounts': [account(domain('example.com', id=1001))]})
    play('email_parameter_code8.yml')
    log = emulator.requests()
    assert [(c['action'], c['code']) for c in log] == [
        ('Domain.Info', '1'), ('Domainshare.List', '1'), ('Domainshare.Create', '8'),
        ('Record.List', '1'), ('Record.Create', '1')]
    assert actions(c for c in log if c['write']) == ['Record.Create']
    latch_dir = ansible_env['DNSPOD_LOGIN_LATCH_DIR']
    assert not os.path.isdir(latch_dir) or [n for n in os.listdir(latch_dir) if n.endswith('.json')] == []   # no refusal marker
