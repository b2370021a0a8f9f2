#!/usr/bin/env bash
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
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
