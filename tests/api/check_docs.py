#!/usr/bin/python3
"""tests/api/check_docs.py: every function declared in include/critnet/*.h has a doc comment (/** ... */) above it
(one comment may serve a group of declarations) that names its errors when it returns cn_status ('Errors:' or the
CN_E* codes) and its time complexity (O(...)), as docs/ARCHITECTURE.md asks of the public API."""
import re, sys, glob, os
root = sys.argv[1] if len(sys.argv) > 1 else '.'
bad = 0; total = 0
for h in sorted(glob.glob(os.path.join(root, 'include/critnet/*.h'))):
    lines = open(h).read().split('\n')
    i = 0
    while i < len(lines):
        l = lines[i]
        m = re.match(r'^(?!typedef|#|\s|/|\*|static)[A-Za-z_][\w\s\*]*?\b(cn_\w+)\s*\(', l)
        if not m:
            i += 1; continue
        name = m.group(1); total += 1
        # the declaration may span lines
        # find the comment above (skip other declarations sharing the same comment)
        j = i - 1
        while j >= 0 and re.match(r'^(?!typedef|#|\s|/|\*)[A-Za-z_][\w\s\*]*?\bcn_\w+\s*\(|^\s+\S.*[,;)]$', lines[j]):
            j -= 1
        doc = ''
        if j >= 0 and lines[j].rstrip().endswith('*/'):
            k = j
            while k >= 0 and '/**' not in lines[k] and '/*' not in lines[k]:
                k -= 1
            doc = '\n'.join(lines[k:j+1])
        decl = l
        k = i
        while not decl.rstrip().endswith(';') and k + 1 < len(lines):
            k += 1; decl += lines[k]
        miss = []
        if not doc.startswith('/**') and '/**' not in doc: miss.append('doc')
        if decl.startswith('cn_status') and not re.search(r'Errors?:|CN_E[A-Z]+|never fails', doc): miss.append('errors')
        if not re.search(r'O\(|[Cc]onstant time', doc): miss.append('complexity')
        if miss:
            bad += 1
            print('%s:%d: %s: missing %s' % (os.path.relpath(h, root), i + 1, name, ', '.join(miss)))
        i = k + 1
print('%d of %d public functions incomplete' % (bad, total))
sys.exit(1 if bad else 0)
