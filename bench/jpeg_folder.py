#!/usr/bin/env python3
"""Writes an ImageNet-like folder for convcut's image-folder benchmark: train/ and val/, CLASSES
class folders, photo-like 500x375 RGB JPEGs (quality 90, about ImageNet's typical size and file
size) made with Pillow from a fixed seed.

  jpeg_folder.py ROOT [--train N] [--val N] [--classes K] [--width 500] [--height 375]
"""
import argparse
import os

import numpy as np
from PIL import Image


def photo(rng, w, h):
    """Smooth colour fields, edges and fine texture: JPEG has to code detail at every scale, as in a photo."""
    small = rng.integers(0, 256, (max(2, h // 40), max(2, w // 40), 3), dtype=np.uint8)
    base = Image.fromarray(small).resize((w, h), Image.BICUBIC)
    mid = Image.fromarray(rng.integers(0, 256, (h // 6, w // 6, 3), dtype=np.uint8)).resize((w, h), Image.BILINEAR)
    a = np.asarray(base, dtype=np.float32) * 0.7 + np.asarray(mid, dtype=np.float32) * 0.3
    a += rng.normal(0, 16, (h, w, 3))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("root")
    p.add_argument("--train", type=int, default=1000)
    p.add_argument("--val", type=int, default=1000)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--width", type=int, default=500)
    p.add_argument("--height", type=int, default=375)
    args = p.parse_args()
    rng = np.random.default_rng(2024)
    for split, count in (("train", args.train), ("val", args.val)):
        for i in range(count):
            cls = "n%08d" % (i % args.classes)
            d = os.path.join(args.root, split, cls)
            os.makedirs(d, exist_ok=True)
            photo(rng, args.width, args.height).save(os.path.join(d, "%s_%06d.JPEG" % (split, i)), quality=90)


if __name__ == "__main__":
    main()
