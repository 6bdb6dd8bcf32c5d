"""Lines of code of each module file outside DOCUMENTATION, EXAMPLES and RETURN (no blank lines,
no comment lines), with the median and the largest: the module-shape figure of docs/architecture.md.

    python3 scripts/module_sizes.py [MODULES_DIR]     (default: plugins/modules)
"""
import ast
import os
import statistics
import sys

DOC_NAMES = {'DOCUMENTATION', 'EXAMPLES', 'RETURN'}


def code_lines(text):
    tree = ast.parse(text)
    skipped = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) in DOC_NAMES for t in node.targets):
            skipped.update(range(node.lineno, node.end_lineno + 1))
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if number in skipped or not stripped or stripped.startswith('#'):
            continue
        count += 1
    return count


def main(argv):
    directory = argv[1] if len(argv) > 1 else 'plugins/modules'
    sizes = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith('.py') and name != '__init__.py':
            with open(os.path.join(directory, name), encoding='utf-8') as handle:
                sizes[name[:-3]] = code_lines(handle.read())
    for name, size in sorted(sizes.items(), key=lambda item: item[1]):
        print('%4d  %s' % (size, name))
    print('modules %d, median %s, max %d' % (len(sizes), statistics.median(sizes.values()), max(sizes.values())))


if __name__ == '__main__':
    main(sys.argv)
