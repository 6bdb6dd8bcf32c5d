
# --- appended by scripts/docs.sh (docs/docsite/sphinx/conf-extra.py) ---
# The build runs offline: no intersphinx inventories to fetch; Ansible's own labels resolve to
# ansible_references.rst instead.
intersphinx_mapping = {}
