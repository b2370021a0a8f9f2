"""Singular values of every non-trivial cut of every kernel in an .npz file, for convcut's
agreement check. Usage: python3 numpy_singular_values.py KERNELS.npz DTYPE OUT.json
Writes {"<array name>/<cut>": [s1, s2, ...]} with the values as float64 (repr round-trips)."""
import json, sys
import numpy as np

CUTS = ["o|ihw", "ohw|i", "oiw|h", "oih|w", "oi|hw", "oh|iw", "ow|ih"]


def matricize(k, cut):
    a, b = cut.split("|")
    order = ["oihw".index(c) for c in a + b]
    rows = int(np.prod([k.shape["oihw".index(c)] for c in a]))
    return np.transpose(k, order).reshape(rows, -1)


npz, dtype, out = sys.argv[1], sys.argv[2], sys.argv[3]
result = {}
with np.load(npz) as z:
    for name in z.files:
        k = z[name].astype(dtype)
        for cut in CUTS:
            m = matricize(k, cut)
            if min(m.shape) <= 1:
                continue
            result[name + "/" + cut] = [float(s) for s in np.linalg.svd(m, compute_uv=False)]
with open(out, "w") as f:
    json.dump(result, f)
