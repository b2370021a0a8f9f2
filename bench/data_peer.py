#!/usr/bin/env python3
"""The PyTorch side of convcut's data benchmark: load the same files with numpy, then assemble
training batches the standard way (torchvision transforms per image on PIL images, default collate,
one process), with the same normalization and augmentation.
Usage: data_peer.py fashion-mnist|cifar10 DIR [batch] [batches]"""
import gzip
import os
import sys
import time

import numpy as np
import torch
import torchvision.transforms as T
from PIL import Image

torch.set_num_threads(1)
dataset, folder = sys.argv[1], sys.argv[2]
batch = int(sys.argv[3]) if len(sys.argv) > 3 else 128
batches = int(sys.argv[4]) if len(sys.argv) > 4 else 50


def load_idx(prefix):
    def read(name):
        path = os.path.join(folder, name)
        opener = gzip.open if os.path.exists(path + ".gz") else open
        with opener(path + ".gz" if os.path.exists(path + ".gz") else path, "rb") as f:
            return f.read()
    images = np.frombuffer(read(prefix + "-images-idx3-ubyte"), np.uint8, offset=16).reshape(-1, 28, 28)
    labels = np.frombuffer(read(prefix + "-labels-idx1-ubyte"), np.uint8, offset=8)
    return images, labels


def load_cifar(files):
    data = np.concatenate([np.fromfile(os.path.join(folder, f), np.uint8).reshape(-1, 3073) for f in files])
    return data[:, 1:].reshape(-1, 3, 32, 32), data[:, 0].astype(np.int64)


if dataset == "fashion-mnist":
    splits = {"train": lambda: load_idx("train"), "test": lambda: load_idx("t10k")}
    transform = T.Compose([T.ToTensor(), T.Normalize((0.2860,), (0.3530,))])
    to_pil = lambda x: Image.fromarray(x, mode="L")
else:
    splits = {"train": lambda: load_cifar([f"data_batch_{i}.bin" for i in range(1, 6)]),
              "test": lambda: load_cifar(["test_batch.bin"])}
    transform = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(), T.ToTensor(),
                           T.Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616))])
    to_pil = lambda x: Image.fromarray(x.transpose(1, 2, 0))

for split, load in splits.items():
    times = []
    for _ in range(3):
        start = time.perf_counter()
        images, labels = load()
        times.append(time.perf_counter() - start)
        if split == "train":
            train = images, labels
    print(f"peer load {split:5s} {len(labels):6d} images  best {min(times):.3f} s  (all: {' '.join(f'{t:.3f}' for t in times)})")

images, labels = train
order = torch.randperm(len(labels)).numpy()
best = float("inf")
for round in range(3):
    start = time.perf_counter()
    for b in range(batches):
        idx = order[b * batch:(b + 1) * batch]
        x = torch.stack([transform(to_pil(images[i])) for i in idx])
        y = torch.as_tensor(labels[idx])
    best = min(best, (time.perf_counter() - start) * 1e6 / (batches * batch))
print(f"peer batch assembly ({batch} images, torchvision per-image transforms): {best:.3f} us/image, {best * batch / 1e3:.3f} ms/batch")
