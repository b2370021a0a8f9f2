#!/usr/bin/env python3
"""Writes Fashion-MNIST (Debian's dataset-fashion-mnist, or DIR) as PNG class folders with Pillow:
ROOT/train/<class>/<index>.png and ROOT/test/<class>/<index>.png, the same pixels as the IDX files.
"T-shirt/top" becomes the folder "T-shirt-top" (a class name cannot hold a slash).

  fashion_mnist_png.py ROOT [--idx DIR]
"""
import argparse
import gzip
import os

import numpy as np
from PIL import Image

CLASSES = ["T-shirt-top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read(folder, name):
    path = os.path.join(folder, name)
    opener = gzip.open if os.path.exists(path + ".gz") else open
    with opener(path + ".gz" if os.path.exists(path + ".gz") else path, "rb") as f:
        return f.read()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("root")
    p.add_argument("--idx", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args()
    for split, prefix in (("train", "train"), ("test", "t10k")):
        images = np.frombuffer(read(args.idx, prefix + "-images-idx3-ubyte"), np.uint8, offset=16).reshape(-1, 28, 28)
        labels = np.frombuffer(read(args.idx, prefix + "-labels-idx1-ubyte"), np.uint8, offset=8)
        for c in CLASSES:
            os.makedirs(os.path.join(args.root, split, c), exist_ok=True)
        for i, (image, label) in enumerate(zip(images, labels)):
            Image.fromarray(image, "L").save(os.path.join(args.root, split, CLASSES[label], "%05d.png" % i))


if __name__ == "__main__":
    main()
