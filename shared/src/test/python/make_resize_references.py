#!/usr/bin/python3
"""Writes the reference images that ResizeReferenceTest compares Lantern's resizers against.

Run from the repository root with Debian's Python (it needs python3-pil and python3-opencv, plus numpy):

    /usr/bin/python3 shared/src/test/python/make_resize_references.py

It reads ../shared/testdata/images/*.JPEG (override with --images) and rewrites
shared/src/test/resources/dev/lantern/shared/image/references/. The output is deterministic, so rerunning it with the
same Pillow and OpenCV leaves git clean; the versions used are written to versions.txt.

Files (<stem> is the JPEG's name without .JPEG):
  <stem>.antialiased-bilinear.png  torchvision classification preprocessing: shorter side to 256 (long side truncated,
                                   as torchvision's _compute_resized_output_size), PIL Image.resize(BILINEAR), centre
                                   crop 224 (offsets rounded half to even, as torchvision's center_crop)
  <stem>.area.png                  (4 images only) the same with Image.BOX
  <stem>.bilinear.png              (6 images only) YOLOX letterbox resize without the padding:
                                   r = min(416/h, 416/w), cv2.resize(rgb, (int(w*r), int(h*r)), INTER_LINEAR) on the
                                   PIL-decoded pixels
  synthetic.png                    307x229 seeded noise over smooth gradients, lossless: isolates the resize from any
                                   JPEG decoder
  synthetic.<filter>.<W>x<H>.png   synthetic.png resized whole to WxH by <filter> (antialiased-bilinear and area with
                                   Pillow, bilinear with OpenCV)
  versions.txt                     Pillow, OpenCV and numpy versions that wrote the files
"""
import argparse
import glob
import os

import cv2
import numpy as np
import PIL
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))
OUT = os.path.join(REPO, 'shared', 'src', 'test', 'resources', 'dev', 'lantern', 'shared', 'image', 'references')

PIL_FILTERS = {'antialiased-bilinear': Image.BILINEAR, 'area': Image.BOX}
# two enlargements (376x263 and 240x180 up to 416 wide) and two shrinks (a portrait and a landscape), chosen also
# for small PNGs; mouse and recreational vehicle hold most of the detector's objects (DetectorReferenceTest)
LETTERBOX_STEMS = ['n01443537_goldfish', 'n03063689_coffeepot', 'n04370456_sweatshirt', 'n07584110_consomme',
                   'n03793489_mouse', 'n04065272_recreational_vehicle']
# area (no model's default) on a few photos only, to keep the repository small; the synthetic image covers the rest
AREA_STEMS = ['n01443537_goldfish', 'n02090622_borzoi', 'n04370456_sweatshirt', 'n07584110_consomme']
# from 307x229: a big shrink (6.5x), a mild one, an enlargement, and one keeping the width (Pillow skips that pass)
SYNTHETIC_SIZES = {
    'antialiased-bilinear': [(47, 31), (241, 181), (353, 263), (307, 113)],
    'area': [(47, 31), (241, 181)],
    'bilinear': [(47, 31), (241, 181), (353, 263)],
}


def save(array_or_image, name):
    image = array_or_image if isinstance(array_or_image, Image.Image) else Image.fromarray(array_or_image, 'RGB')
    image.save(os.path.join(OUT, name), optimize=True)


def classification(img, resample, size=256, crop=224):
    """torchvision Resize(256) then CenterCrop(224) on a PIL image."""
    w, h = img.size
    short, long = (w, h) if w <= h else (h, w)
    new_short, new_long = size, int(size * long / short)
    new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
    resized = img.resize((new_w, new_h), resample)
    top = int(round((new_h - crop) / 2.0))
    left = int(round((new_w - crop) / 2.0))
    return resized.crop((left, top, left + crop, top + crop))


def letterbox_resize(rgb, size=416):
    """The resize inside YOLOX's preproc, without the grey padding."""
    h, w = rgb.shape[:2]
    r = min(size / h, size / w)
    return cv2.resize(rgb, (int(w * r), int(h * r)), interpolation=cv2.INTER_LINEAR)


def synthetic(width=307, height=229, seed=20261126):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    smooth = np.stack([
        255 * x / (width - 1),
        127.5 + 127.5 * np.sin(x / 37.0) * np.cos(y / 23.0),
        255 * y / (height - 1),
    ], axis=-1)
    noise = rng.integers(-6, 7, size=(height, width, 3))
    # a few hard edges and saturated blocks so clamping at 0 and 255 is exercised
    smooth[50:80, 100:130] = 0
    smooth[150:165, 25:200] = 255
    return np.clip(smooth + noise, 0, 255).astype(np.uint8)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--images', default=os.path.join(REPO, '..', 'shared', 'testdata', 'images'))
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)

    for path in sorted(glob.glob(os.path.join(args.images, '*.JPEG'))):
        stem = os.path.basename(path)[:-len('.JPEG')]
        img = Image.open(path).convert('RGB')
        for name, resample in PIL_FILTERS.items():
            if name != 'area' or stem in AREA_STEMS:
                save(classification(img, resample), f'{stem}.{name}.png')
        if stem in LETTERBOX_STEMS:
            save(letterbox_resize(np.asarray(img)), f'{stem}.bilinear.png')

    source = synthetic()
    save(source, 'synthetic.png')
    img = Image.fromarray(source, 'RGB')
    for name, sizes in SYNTHETIC_SIZES.items():
        for w, h in sizes:
            if name == 'bilinear':
                out = cv2.resize(source, (w, h), interpolation=cv2.INTER_LINEAR)
            else:
                out = img.resize((w, h), PIL_FILTERS[name])
            save(out, f'synthetic.{name}.{w}x{h}.png')

    with open(os.path.join(OUT, 'versions.txt'), 'w') as f:
        f.write(f'Pillow {PIL.__version__}\nOpenCV {cv2.__version__}\nnumpy {np.__version__}\n')


if __name__ == '__main__':
    main()
