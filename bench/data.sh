#!/usr/bin/env bash
# Usage: bench/data.sh   (needs /usr/bin/python3 with numpy, torch, torchvision; the peer models in /work/shared/peer or $PEER)
# convcut's data benchmark beside the PyTorch peer, on real Fashion-MNIST (Debian's package) and on a
# generated 50,000-image CIFAR-10 set in the official binary format. Prints both sides; see BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
fm=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
cifar=${CIFAR_DIR:-/tmp/convcut-synthetic-cifar10}
[ -f "$cifar/test_batch.bin" ] || /usr/bin/python3 bench/synthetic_cifar10.py "$cifar" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== fashion-mnist ($fm)"
./convcut data bench --dataset fashion-mnist --data-dir "$fm" --no-download
/usr/bin/python3 bench/data_peer.py fashion-mnist "$fm"
echo "== cifar10, generated ($cifar)"
./convcut data bench --dataset cifar10 --data-dir "$cifar" --no-download
/usr/bin/python3 bench/data_peer.py cifar10 "$cifar"
echo "== one training epoch, for scale (PyTorch peer, 2 threads, batch 128, random data)"
epoch() {  # model, torch_bench input options, images per epoch, shape label
  /usr/bin/python3 "${PEER:-/work/shared/peer}/torch_bench.py" --models "$1" $2 --steps 5 | /usr/bin/python3 -c "
import json, sys
r = json.loads(sys.stdin.read()); t = r['train_img_s']
print(f'{sys.argv[1]} on {sys.argv[2]}: {t} img/s training, {int(sys.argv[3]) / t:.0f} s per {sys.argv[3]}-image epoch')" "$1" "$4" "$3"
}
epoch cnn4 "--channels 1 --size 28" 60000 1x28x28
epoch resnet20 "" 50000 3x32x32
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
