#!/usr/bin/env bash
# Re-makes the example photos of the image pages (web-ui, /ui/examples/) from scikit-image's sample data as Debian
# ships it (package python3-skimage). The photos are CC0 or public domain: web-ui/.../ui/examples/SOURCES.md.
# Needs apt-get and Debian's python3-pil; writes the JPEGs in place.
set -euo pipefail
out=$(cd "$(dirname "$0")/.." && pwd)/web-ui/src/main/resources/META-INF/resources/ui/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-skimage >/dev/null && dpkg -x python3-skimage_*.deb unpacked)
data=$(echo "$work"/unpacked/usr/lib/python3/dist-packages/skimage/data)
/usr/bin/python3 - "$data" "$out" <<'PY'
import sys
from PIL import Image
data, out = sys.argv[1], sys.argv[2]
for name, source in [('coffee', 'coffee.png'), ('cat', 'chelsea.png'), ('rocket', 'rocket.jpg')]:
    Image.open(f'{data}/{source}').convert('RGB').save(f'{out}/{name}.jpg', quality=85, optimize=True,
                                                        progressive=True)
    print(f'{out}/{name}.jpg')
PY
