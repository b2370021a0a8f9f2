#!/usr/bin/env python3
"""Checks convcut's weight interop against PyTorch for every built-in architecture, through the
command line a user would type: PyTorch state_dict -> `convcut import` -> `convcut export`
(safetensors and npz) -> `load_state_dict(strict=True)` into the reference module, then every
tensor is compared bit for bit. Needs Debian's python3-torch; run from the repository root:

    /usr/bin/python3 bench/torch_interop_check.py [--models cnn4,resnet20,resnet18,resnet34,resnet50]

Prints one line per model and format, and exits 1 on the first mismatch."""
import argparse, os, subprocess, sys, tempfile
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "convcut-core", "src", "test", "resources", "fixtures", "torch")
sys.path.insert(0, FIX)
import make_fixtures as mf  # noqa: E402

CASES = {
    "cnn4": ("cnn4", 3, 32, 10, "cifar"),
    "resnet20": ("resnet20", 3, 32, 10, "cifar"),
    "resnet18": ("resnet18", 3, 32, 10, "cifar"),
    "resnet34": ("resnet34", 3, 32, 100, "cifar"),
    "resnet50": ("resnet50", 3, 32, 10, "cifar"),
    "resnet50-imagenet": ("resnet50", 3, 224, 1000, "imagenet"),
}


def convcut(*args):
    cmd = [os.path.join(HERE, "..", "convcut"), *args]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr}")
    return r.stdout


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", default=",".join(CASES))
    a = p.parse_args()
    gen = torch.Generator().manual_seed(7)
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.models.split(","):
            model, c, s, k, stem = CASES[name]
            ref = mf.build(model, c, s, k, stem)
            mf.randomize(ref, gen, "F32")
            src = os.path.join(tmp, name + ".safetensors")
            mf.write_safetensors(src, {n: ("F32" if t.is_floating_point() else "I64", t.numpy())
                                       for n, t in ref.state_dict().items()})
            ck = os.path.join(tmp, name + "-ck")
            convcut("import", "--model", model, "--weights", src, "--channels", str(c), "--size", str(s),
                    "--classes", str(k), "--stem", stem, "--out", ck)
            for fmt in ("safetensors", "npz"):
                out = os.path.join(tmp, f"{name}-export.{fmt}")
                convcut("export", "--checkpoint", ck, "--format", fmt, "--out", out)
                arrays = mf.read_safetensors(out) if fmt == "safetensors" else dict(np.load(out))
                fresh = mf.build(model, c, s, k, stem)
                result = fresh.load_state_dict({n: torch.from_numpy(np.array(v)) for n, v in arrays.items()}, strict=True)
                want = ref.state_dict()
                bad = [n for n, t in fresh.state_dict().items()
                       if not n.endswith("num_batches_tracked") and not torch.equal(t, want[n])]
                print(f"{name:18s} {fmt:12s} load_state_dict(strict=True): {result}; {len(arrays)} arrays; "
                      f"{'bit-identical' if not bad else 'DIFFERENT: ' + ', '.join(bad[:5])}", flush=True)
                if bad:
                    sys.exit(1)


if __name__ == "__main__":
    main()
