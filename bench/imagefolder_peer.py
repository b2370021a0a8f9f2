#!/usr/bin/env python3
"""torchvision's ImageFolder on a folder, as convcut's imagefolder dataset must match it.

  imagefolder_peer.py --root DIR [--resize S] --crop C [--channels 1|3] --mean M.. --std S.. --out DIR
      writes listing.json (classes, class_to_idx, samples as [path, label], shape) and tensors.f32 (the
      evaluation transform's output for every sample: [Grayscale(1)], Resize(S) if S > 0,
      CenterCrop(C), ToTensor, Normalize; little-endian float32, N x channels x C x C).
  imagefolder_peer.py --root DIR --resize S --crop C --bench --batch B --workers W --passes P
      prints JSON lines with images/s of DataLoader(num_workers=W) over the whole folder.

Run with Debian's python3-torch, python3-torchvision, python3-pil, python3-numpy.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torchvision import datasets, transforms


def transform(args):
    # Grayscale first, as convcut reads a one-channel image (PIL's convert("L") of the decoded image).
    steps = [transforms.Grayscale(1)] if args.channels == 1 else []
    if args.resize > 0:
        steps.append(transforms.Resize(args.resize))
    steps.append(transforms.CenterCrop(args.crop))
    steps.append(transforms.ToTensor())
    if args.mean:
        steps.append(transforms.Normalize(args.mean, args.std))
    return transforms.Compose(steps)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--resize", type=int, default=0)
    p.add_argument("--crop", type=int, required=True)
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--mean", type=float, nargs="*", default=[])
    p.add_argument("--std", type=float, nargs="*", default=[])
    p.add_argument("--out")
    p.add_argument("--bench", action="store_true")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--passes", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    ds = datasets.ImageFolder(args.root, transform=transform(args))
    if args.bench:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from peer_blas import require_optimized
        require_optimized("imagefolder_peer.py --bench")
        loader = torch.utils.data.DataLoader(ds, batch_size=args.batch, shuffle=False, num_workers=args.workers)
        for i in range(args.passes):
            start = time.perf_counter()
            n = 0
            for x, _ in loader:
                n += x.shape[0]
            seconds = time.perf_counter() - start
            print(json.dumps({"pass": i, "images": n, "seconds": seconds, "images_per_s": n / seconds,
                              "workers": args.workers, "batch": args.batch}), flush=True)
        return
    os.makedirs(args.out, exist_ok=True)
    tensors = np.stack([ds[i][0].numpy() for i in range(len(ds))]).astype("<f4")
    tensors.tofile(os.path.join(args.out, "tensors.f32"))
    with open(os.path.join(args.out, "listing.json"), "w") as f:
        json.dump({"classes": ds.classes, "class_to_idx": ds.class_to_idx,
                   "samples": [[path, label] for path, label in ds.samples], "shape": list(tensors.shape)}, f)


if __name__ == "__main__":
    sys.exit(main())
