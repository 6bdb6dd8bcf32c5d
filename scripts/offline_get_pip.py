"""Offline stand-in for the get-pip.py that ansible-test downloads to bootstrap its virtualenvs.

ansible-test runs this file with pip's install options and package pins as arguments.
The machines this project runs on reach package registries but not the host serving get-pip.py,
so pip comes from the interpreter's own ensurepip wheel and is then upgraded from the configured
package index.
"""
import os
import sys

import ensurepip

saved = dict(os.environ)
ensurepip.bootstrap(upgrade=True)
# ensurepip sets PIP_CONFIG_FILE=/dev/null, which would hide the machine's index settings.
os.environ.clear()
os.environ.update(saved)

from pip._internal.cli.main import main as pip_main  # noqa: E402  pylint: disable=wrong-import-position

args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
sys.exit(pip_main(['install', '--upgrade'] + args))
