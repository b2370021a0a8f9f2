#!/usr/bin/env python3
"""Writes a CIFAR-10-shaped dataset in the official binary format (data_batch_1..5.bin, test_batch.bin,
10,000 records of 1 label byte + 3072 pixel bytes each) filled with seeded random bytes, for timing
the readers without the real data. Usage: synthetic_cifar10.py OUT_DIR"""
import os
import sys

import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
for name in [f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin"]:
    records = rng.integers(0, 256, size=(10000, 3073), dtype=np.uint8)
    records[:, 0] = rng.integers(0, 10, size=10000, dtype=np.uint8)
    records.tofile(os.path.join(out, name))
print(out)
