#!/usr/bin/python3
"""Writes the JPEG fixtures of ImageDecoderTest that Java cannot write itself.

Run from the repository root with Debian's Python (python3-pil):

    /usr/bin/python3 shared/src/test/python/make_decoder_fixtures.py

cmyk.jpg: 96x64, CMYK (Pillow writes Adobe-style inverted CMYK), the left half pure red, the right half pure blue.
"""
import os

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'resources', 'dev', 'lantern', 'shared', 'image', 'decoding')

os.makedirs(OUT, exist_ok=True)
rgb = Image.new('RGB', (96, 64), (255, 0, 0))
rgb.paste((0, 0, 255), (48, 0, 96, 64))
rgb.convert('CMYK').save(os.path.join(OUT, 'cmyk.jpg'), quality=95)
