#!/usr/bin/env python3
"""Exports a torchvision classification CNN with random weights (a fixed seed) to ONNX, as a
PyTorch user would: eval mode, torch.onnx.export's defaults (BatchNorm folded into the
convolutions by PyTorch's eval export), a dynamic batch dimension. `convcut bench onnx` runs it
to get the file it imports; it is also usable on its own (Debian's python3-torch,
python3-torchvision):

    /usr/bin/python3 bench/export_torchvision.py --model resnet50 --size 224 --out /tmp/resnet50.onnx

Prints one line: the file, its size in bytes, the number of parameters and the versions."""
import argparse
import os

import torch
import torchvision


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="resnet50", help="a torchvision.models constructor name")
    p.add_argument("--size", type=int, default=224, help="input height and width")
    p.add_argument("--classes", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--opset", type=int, default=13)
    p.add_argument("--training-mode", action="store_true", help="keep BatchNormalization nodes (TrainingMode.PRESERVE)")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    ctor = getattr(torchvision.models, a.model, None)
    if ctor is None:
        raise SystemExit(f"torchvision {torchvision.__version__} has no model {a.model}")
    model = ctor(num_classes=a.classes).eval()
    x = torch.randn(1, 3, a.size, a.size)
    tmp = a.out + ".partial"
    torch.onnx.export(model, x, tmp, input_names=["input"], output_names=["logits"], opset_version=a.opset,
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}},
                      training=torch.onnx.TrainingMode.PRESERVE if a.training_mode else torch.onnx.TrainingMode.EVAL)
    os.replace(tmp, a.out)
    params = sum(t.numel() for t in model.parameters())
    print(f"{a.out} {os.path.getsize(a.out)} bytes, {a.model} {a.size}x{a.size}, {params} parameters, "
          f"torch {torch.__version__}, torchvision {torchvision.__version__}, opset {a.opset}")


if __name__ == "__main__":
    main()
