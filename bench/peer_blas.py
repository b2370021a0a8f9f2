#!/usr/bin/env python3
"""Which BLAS/LAPACK a benchmark's Python peer runs on, and a refusal of the reference one.

Debian's python3-numpy and python3-torch call whatever libblas.so.3 / liblapack.so.3 the
alternatives system points at. Without an optimized implementation installed that is the
reference (netlib) BLAS, many times slower than the OpenBLAS or MKL that a pip install brings,
and a benchmark against it flatters convcut. Every timed peer calls require_optimized() after
importing its libraries; convcut's bench commands run this file on its own first:

  peer_blas.py numpy [torch]    imports them, prints one line saying which BLAS/LAPACK is loaded,
                                exits 0 on an optimized one, 3 (message on stdout) on the reference.

The check reads the shared libraries the process has mapped (/proc/self/maps): a libblas.so.3 or
liblapack.so.3 that resolves into Debian's blas/ or lapack/ folder (packages libblas3, liblapack3)
is the reference; OpenBLAS, MKL, BLIS or ATLAS are optimized. A numpy or torch that links a BLAS
statically (pip's) maps no reference library and passes.
"""
import importlib
import os
import sys

REFUSED = 3
FIX = ("install an optimized BLAS, e.g. Debian's libopenblas0-pthread (apt-get install libopenblas0-pthread; "
       "it takes over libblas.so.3 and liblapack.so.3 through update-alternatives), or run the peer in a Python "
       "whose numpy and torch bring OpenBLAS or MKL")
OPTIMIZED = ("openblas", "mkl", "blis", "atlas")


def mapped_libraries():
    """Real paths of the BLAS/LAPACK-like shared libraries this process has mapped; None without /proc."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split(None, 5)[5].strip() for line in f if len(line.split(None, 5)) == 6}
    except OSError:
        return None
    found = set()
    for p in paths:
        base = os.path.basename(p).lower()
        if base.startswith(("libblas", "liblapack", "libcblas")) or any(o in base for o in OPTIMIZED):
            found.add(os.path.realpath(p))
    return sorted(found)


def is_reference(path):
    base = os.path.basename(path)
    folder = os.path.basename(os.path.dirname(path))
    return (base.startswith("libblas.so") and folder == "blas") or (base.startswith("liblapack.so") and folder == "lapack")


def verdict():
    """(ok, sentence): whether the loaded BLAS/LAPACK is an optimized one, and which it is."""
    libs = mapped_libraries()
    if libs is None:
        return True, "BLAS unknown (no /proc/self/maps)"
    reference = [p for p in libs if is_reference(p)]
    if reference:
        return False, ("the reference (netlib) BLAS/LAPACK is loaded (" + ", ".join(reference) + "): timings against it "
                       "would flatter convcut many times over; " + FIX)
    optimized = [p for p in libs if any(o in os.path.basename(p).lower() for o in OPTIMIZED)]
    if optimized:
        return True, "BLAS " + ", ".join(optimized)
    return True, "BLAS linked statically (no shared BLAS library mapped)"


def require_optimized(who):
    """Exits with status 3 and the reason on stderr when the reference BLAS is loaded; call after the imports."""
    ok, sentence = verdict()
    if not ok:
        print(who + ": refused: " + sentence, file=sys.stderr, flush=True)
        sys.exit(REFUSED)
    return sentence


if __name__ == "__main__":
    modules = sys.argv[1:] or ["numpy"]
    versions = []
    for m in modules:
        versions.append(m + " " + importlib.import_module(m).__version__)
    # torch calls BLAS lazily through its own dispatch, but the libraries are mapped at import.
    ok, sentence = verdict()
    print(", ".join(versions) + ": " + sentence, flush=True)
    sys.exit(0 if ok else REFUSED)
