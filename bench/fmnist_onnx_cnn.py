#!/usr/bin/env python3
"""Trains a small CNN with concatenation and depthwise convolutions on Fashion-MNIST in PyTorch
and exports it to ONNX, as a user of convcut would bring their own model (docs/onnx.md).
Needs Debian's python3-torch and the IDX files of Fashion-MNIST (Debian's dataset-fashion-mnist
puts them in /usr/share/datasets/fashion-mnist):

    /usr/bin/python3 bench/fmnist_onnx_cnn.py --epochs 2 [--limit 10000] --out fmnist-cnn.onnx

The network: a 3x3 stem, an inception-like block whose two branches (1x1; depthwise 3x3 then
1x1) are concatenated, a 3x3 convolution, a depthwise-separable pair, a 3x3 convolution, global
average pooling and a linear head; BatchNorm after every convolution (folded into the
convolutions by PyTorch's eval-mode export). Prints the test top-1 after each epoch."""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.2860, 0.3530


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(root, split):
    prefix = "train" if split == "train" else "t10k"
    x = idx(os.path.join(root, f"{prefix}-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    y = idx(os.path.join(root, f"{prefix}-labels-idx1-ubyte.gz")).astype(np.int64)
    return torch.from_numpy((x - MEAN) / STD).unsqueeze(1), torch.from_numpy(y)


def cbr(cin, cout, k=3, groups=1):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout),
                         nn.ReLU(inplace=True))


class ConcatBlock(nn.Module):
    """Two branches side by side, concatenated along the channels."""

    def __init__(self, cin, half):
        super().__init__()
        self.branch1 = cbr(cin, half, 1)
        self.branch2 = nn.Sequential(cbr(cin, cin, 3, groups=cin), cbr(cin, half, 1))

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch2(x)], dim=1)


class SmallNet(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.stem = cbr(1, 16)
        self.block = ConcatBlock(16, 24)
        self.conv2 = cbr(48, 64)
        self.dw = cbr(64, 64, 3, groups=64)
        self.pw = cbr(64, 96, 1)
        self.conv3 = cbr(96, 96)
        self.fc = nn.Linear(96, classes)

    def forward(self, x):
        x = F.max_pool2d(self.block(self.stem(x)), 2)
        x = F.max_pool2d(self.pw(self.dw(self.conv2(x))), 2)
        x = self.conv3(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def top1(model, x, y):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            correct += (model(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item()
    return correct / len(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.002)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, default=0, help="train on the first N training images only (0: all 60,000)")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    xtr, ytr = load(a.data, "train")
    if a.limit > 0:
        xtr, ytr = xtr[:a.limit], ytr[:a.limit]
    xte, yte = load(a.data, "test")
    model = SmallNet()
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, a.lr, total_steps=a.epochs * ((len(xtr) + a.batch - 1) // a.batch))
    g = torch.Generator().manual_seed(a.seed)
    for epoch in range(a.epochs):
        model.train()
        t0 = time.time()
        order = torch.randperm(len(xtr), generator=g)
        for i in range(0, len(xtr), a.batch):
            j = order[i:i + a.batch]
            loss = F.cross_entropy(model(xtr[j]), ytr[j])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        print(f"epoch {epoch + 1}: test top-1 {100 * top1(model, xte, yte):.2f}% ({time.time() - t0:.0f} s)", flush=True)
    model.eval()
    tmp = a.out + ".partial"
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), tmp, input_names=["input"], output_names=["logits"], opset_version=13,
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}})
    os.replace(tmp, a.out)
    print(f"wrote {a.out} ({os.path.getsize(a.out)} bytes); PyTorch test top-1 {100 * top1(model, xte, yte):.2f}%")


if __name__ == "__main__":
    main()
