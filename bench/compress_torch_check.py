#!/usr/bin/env python3
"""Checks that a checkpoint written by `convcut compress` runs in PyTorch with the module layout
docs/compress.md gives: `convcut export` writes its weights, each factorized convolution becomes
a `Factorized` module (an nn.Sequential of nn.Conv2d under `.factors`) inside the reference model
(/work/shared/peer/models.py), `load_state_dict(strict=True)` takes the file, and the logits on a
seeded random batch are compared with the ones convcut computes for the same batch
(bench/CheckpointLogits.java). Needs Debian's python3-torch; run from the repository root after
building (`./convcut --version` builds):

    /usr/bin/python3 bench/compress_torch_check.py --checkpoint runs/cnn4-t2 [--format npz]

Prints the layout and the agreement; exits 1 when the relative error exceeds 1e-4."""
import argparse, glob, json, os, subprocess, sys, tempfile
import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(ROOT, "convcut-core", "src", "test", "resources", "fixtures", "torch"))
import make_fixtures as mf  # noqa: E402


class Factorized(nn.Module):
    """A convolution slot computed by a chain of convolutions; weights NAME.factors.J.weight,
    bias (if any) NAME.factors.LAST.bias, as architecture.json's `layers` describes them."""

    def __init__(self, factors):
        super().__init__()
        self.factors = nn.Sequential(*[
            nn.Conv2d(f["inChannels"], f["outChannels"], (f["kernelH"], f["kernelW"]),
                      stride=(f["strideH"], f["strideW"]), padding=(f["padH"], f["padW"]),
                      dilation=(f["dilationH"], f["dilationW"]), groups=f["groups"], bias=f["bias"])
            for f in factors])

    def forward(self, x):
        return self.factors(x)


def build(arch):
    """The reference model with every factorized slot of architecture.json replaced."""
    m = mf.build(arch["model"], arch["channels"], arch["size"], arch["classes"], arch.get("stem") or "cifar")
    for name, form in arch.get("layers", {}).items():
        parent, _, leaf = name.rpartition(".")
        owner = m.get_submodule(parent) if parent else m
        setattr(owner, leaf, Factorized(form["factors"]))
    return m


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--format", default="safetensors", choices=["safetensors", "npz"])
    p.add_argument("--batch", type=int, default=8)
    a = p.parse_args()
    arch = json.load(open(os.path.join(a.checkpoint, "architecture.json")))
    model = build(arch)
    print(f"{arch['model']}: {len(arch.get('layers', {}))} factorized layers")
    for name, form in arch.get("layers", {}).items():
        print(f"  {name} = Factorized  # {form.get('origin')}: " + " -> ".join(
            f"Conv2d({f['inChannels']}, {f['outChannels']}, ({f['kernelH']}, {f['kernelW']}), stride=({f['strideH']}, "
            f"{f['strideW']}), padding=({f['padH']}, {f['padW']}), groups={f['groups']}, bias={f['bias']})"
            for f in form["factors"]))
    with tempfile.TemporaryDirectory() as tmp:
        weights = os.path.join(tmp, "w." + a.format)
        r = subprocess.run([os.path.join(ROOT, "convcut"), "export", "--checkpoint", a.checkpoint, "--out", weights],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("convcut export failed:\n" + r.stderr)
        arrays = mf.read_safetensors(weights) if a.format == "safetensors" else dict(np.load(weights))
        result = model.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in arrays.items()}, strict=True)
        print(f"load_state_dict(strict=True) of {len(arrays)} arrays: {result}")
        model.eval()
        gen = torch.Generator().manual_seed(11)
        x = torch.randn(a.batch, arch["channels"], arch["size"], arch["size"], generator=gen)
        inp = os.path.join(tmp, "input.safetensors")
        mf.write_safetensors(inp, {"input": ("F32", x.numpy())})
        out = os.path.join(tmp, "logits.safetensors")
        cp = ":".join(glob.glob(os.path.join(ROOT, "convcut-cli", "target", "lib", "*.jar")))
        r = subprocess.run(["java", "-Dai.djl.offline=true", "-cp", cp, os.path.join(HERE, "CheckpointLogits.java"),
                            a.checkpoint, inp, out], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("CheckpointLogits failed:\n" + r.stderr)
        ours = torch.from_numpy(np.array(mf.read_safetensors(out)["logits"]))
        with torch.no_grad():
            theirs = model(x)
        rel = float((ours - theirs).norm() / theirs.norm())
        print(f"logits {tuple(theirs.shape)}: max |convcut - torch| = {float((ours - theirs).abs().max()):.3g}, "
              f"relative error {rel:.3g}, same top-1 for {int((ours.argmax(1) == theirs.argmax(1)).sum())}/{a.batch}")
        if rel > 1e-4:
            sys.exit(1)


if __name__ == "__main__":
    main()
