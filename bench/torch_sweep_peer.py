#!/usr/bin/env python3
"""PyTorch peer for `convcut bench sweep`: the naive layer-wise sweep on the same architecture
(models.py), the same number of rows per layer, images, batch and threads, random weights and
images. For every row it truncates the layer's kernel along o|ihw to a rank (one SVD per layer,
as a sweep would hold it), writes it into the layer, and runs a full forward pass over all the
images in eval mode without gradients. Prints one JSON line. A yardstick for side-by-side runs,
never a dependency of convcut."""
import argparse, json, os, sys, time
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from models import BUILDERS
from peer_blas import require_optimized


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="cnn4")
    p.add_argument("--rows", required=True, help="LAYER=ROWS,... e.g. features.0=66,features.2=77")
    p.add_argument("--images", type=int, default=200)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--channels", type=int, default=1)
    p.add_argument("--size", type=int, default=28)
    p.add_argument("--classes", type=int, default=10)
    a = p.parse_args()
    require_optimized("torch_sweep_peer.py")
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    m = BUILDERS[a.model](a.channels, a.size, a.classes).eval()
    x = torch.randn(a.images, a.channels, a.size, a.size)
    modules = dict(m.named_modules())
    rows = [(name, int(n)) for name, n in (item.split("=") for item in a.rows.split(","))]
    total = 0
    t0 = time.perf_counter()
    with torch.no_grad():
        for name, n in rows:
            w = modules[name].weight
            original = w.detach().clone()
            u, s, vt = torch.linalg.svd(original.reshape(original.shape[0], -1), full_matrices=False)
            for r in range(n):
                k = 1 + r % s.shape[0]
                w.copy_(((u[:, :k] * s[:k]) @ vt[:k]).reshape(original.shape))
                for b in range(0, a.images, a.batch):
                    m(x[b:b + a.batch]).argmax(1)
                total += 1
            w.copy_(original)
    seconds = time.perf_counter() - t0
    print(json.dumps({"impl": "pytorch-" + torch.__version__, "model": a.model, "rows": total, "images": a.images,
                      "threads": torch.get_num_threads(), "seconds": round(seconds, 3),
                      "ms_per_row": round(1000 * seconds / total, 3)}), flush=True)


if __name__ == "__main__":
    main()
