#!/usr/bin/env python3
"""Reference images and PIL/torchvision outputs for convcut's dev.convcut.data.image tests.

Usage: image_fixtures.py decode|resample|eval OUTDIR
       image_fixtures.py reference OUTDIR FILE...   (PIL's outputs for files made elsewhere)
       image_fixtures.py bench OUTDIR   (40 JPEGs of 500x375 and PIL's decode rate; no manifest)

Writes images into OUTDIR plus OUTDIR/manifest.json. Every expected output is a raw uint8
file in planar channel-row-column order (CHW), as convcut's Raster. Fixed seeds throughout.
"""
import json
import os
import struct
import sys
import zlib

import numpy as np
from PIL import Image

RNG = np.random.default_rng(20240611)


def planar(img):
    a = np.asarray(img, dtype=np.uint8)
    if a.ndim == 2:
        a = a[None]
    else:
        a = a.transpose(2, 0, 1)
    return np.ascontiguousarray(a)


def natural(h, w, c):
    """A smooth picture with edges and mild noise: realistic for JPEG, cheap for PNG."""
    y, x = np.mgrid[0:h, 0:w]
    chans = []
    for k in range(c):
        v = 128 + 90 * np.sin((x + 7 * k) / (w / 3.0 + 1)) * np.cos((y - 5 * k) / (h / 4.0 + 1))
        v += np.where((x // 16 + y // 16 + k) % 2 == 0, 30, -30)
        v += RNG.normal(0, 6, (h, w))
        chans.append(np.clip(v, 0, 255))
    a = np.stack(chans, -1).astype(np.uint8)
    return a[..., 0] if c == 1 else a


def noise(shape, hi=256, dtype=np.uint8):
    return RNG.integers(0, hi, shape, dtype=np.int64).astype(dtype)


def raw_png(path, w, h, colour_type, depth, rows, chunks=()):
    """A PNG written chunk by chunk, for bit depths and modes PIL cannot save."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    body = b"".join(b"\0" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour_type, 0, 0, 0)))
        for kind, data in chunks:
            f.write(chunk(kind, data))
        f.write(chunk(b"IDAT", zlib.compress(body, 6)) + chunk(b"IEND", b""))


def pack_bits(a, depth):
    """Rows of samples of 1/2/4 bits packed MSB first, as PNG and PBM store them."""
    rows = []
    per = 8 // depth
    for r in a:
        padded = np.concatenate([r, np.zeros((-len(r)) % per, dtype=r.dtype)]).astype(np.uint8)
        g = padded.reshape(-1, per)
        byte = np.zeros(len(g), dtype=np.uint16)
        for i in range(per):
            byte = (byte << depth) | g[:, i]
        rows.append(byte.astype(np.uint8).tobytes())
    return rows


class Out:
    def __init__(self, folder):
        self.folder = folder
        self.cases = []

    def path(self, name):
        return os.path.join(self.folder, name)

    def raw(self, name, img_or_array):
        a = planar(img_or_array) if isinstance(img_or_array, Image.Image) else img_or_array
        a.tofile(self.path(name))
        return name

    def reference(self, name, kind, **extra):
        """PIL's convert("RGB") and convert("L") of an image file already written."""
        with Image.open(self.path(name)) as im:
            case = {"file": name, "kind": kind, "mode": im.mode, "width": im.width, "height": im.height}
            for target in ("RGB", "L"):
                out = im.convert(target)
                case[target] = self.raw(name + "." + target + ".raw", out)
        case.update(extra)
        self.cases.append(case)

    def write(self):
        with open(self.path("manifest.json"), "w") as f:
            json.dump(self.cases, f, indent=1)


def decode_cases(o):
    # PNG in every colour type and bit depth: must be bit-exact.
    for (h, w) in [(1, 1), (37, 53), (17, 3000)]:
        rgb = natural(h, w, 3)
        Image.fromarray(rgb).save(o.path(f"rgb_{h}x{w}.png"))
        o.reference(f"rgb_{h}x{w}.png", "png")
    big = natural(3000, 4000, 3)
    Image.fromarray(big).save(o.path("rgb_3000x4000.png"), compress_level=1)
    o.reference("rgb_3000x4000.png", "png")
    Image.fromarray(big).save(o.path("rgb_3000x4000.jpg"), quality=90)
    o.reference("rgb_3000x4000.jpg", "jpeg")
    h, w = 29, 41
    Image.fromarray(natural(h, w, 1)).save(o.path("l8.png"))
    o.reference("l8.png", "png")
    Image.fromarray(noise((h, w, 4))).save(o.path("rgba8.png"))
    o.reference("rgba8.png", "png")
    Image.fromarray(noise((h, w, 2)), "LA").save(o.path("la8.png"))
    o.reference("la8.png", "png")
    Image.fromarray(noise((h, w)) > 127).save(o.path("bilevel.png"))
    o.reference("bilevel.png", "png")
    pal = noise((256 * 3,)).tobytes()
    idx = noise((h, w))
    p = Image.fromarray(idx, "P")
    p.putpalette(pal)
    p.save(o.path("palette8.png"))
    o.reference("palette8.png", "png")
    p.save(o.path("palette8_trns.png"), transparency=noise((256,)).tobytes())
    o.reference("palette8_trns.png", "png")
    for depth in (1, 2, 4):
        n = 1 << depth
        a = noise((h, w), n)
        raw_png(o.path(f"grey{depth}.png"), w, h, 0, depth, pack_bits(a, depth))
        o.reference(f"grey{depth}.png", "png")
        # A short palette: indices beyond it are not used.
        raw_png(o.path(f"palette{depth}.png"), w, h, 3, depth, pack_bits(a, depth),
                [(b"PLTE", noise((n * 3,)).tobytes()), (b"tRNS", noise((n,)).tobytes())])
        o.reference(f"palette{depth}.png", "png")
    g = natural(h, w, 1)
    raw_png(o.path("grey8_trns.png"), w, h, 0, 8, [r.tobytes() for r in g], [(b"tRNS", struct.pack(">H", int(g[0, 0])))])
    o.reference("grey8_trns.png", "png")
    c = natural(h, w, 3)
    raw_png(o.path("rgb8_trns.png"), w, h, 2, 8, [r.tobytes() for r in c], [(b"tRNS", struct.pack(">HHH", *map(int, c[0, 0])))])
    o.reference("rgb8_trns.png", "png")
    # 16-bit: PIL keeps the high byte for RGB/RGBA/LA; grey (mode I) clips to 255 instead.
    for name, ct, ch in [("grey16", 0, 1), ("greyalpha16", 4, 2), ("rgb16", 2, 3), ("rgba16", 6, 4)]:
        a = noise((h, w, ch), 65536, np.uint16)
        raw_png(o.path(name + ".png"), w, h, ct, 16, [r.astype(">u2").tobytes() for r in a])
        o.reference(name + ".png", "png16", high=o.raw(name + ".high.raw", np.ascontiguousarray((a >> 8).astype(np.uint8).transpose(2, 0, 1))))
    # JPEG: baseline in each subsampling, progressive, grey, CMYK (Adobe), odd sizes.
    for (h, w) in [(1, 1), (375, 500), (17, 3000), (31, 45)]:
        Image.fromarray(natural(h, w, 3)).save(o.path(f"base_{h}x{w}.jpg"), quality=90)
        o.reference(f"base_{h}x{w}.jpg", "jpeg")
    pic = natural(61, 83, 3)
    for sub, name in [(0, "444"), (1, "422"), (2, "420")]:
        Image.fromarray(pic).save(o.path(f"sub{name}.jpg"), quality=85, subsampling=sub)
        o.reference(f"sub{name}.jpg", "jpeg")
    Image.fromarray(pic).save(o.path("progressive.jpg"), quality=85, progressive=True)
    o.reference("progressive.jpg", "jpeg")
    Image.fromarray(pic).save(o.path("optimized.jpg"), quality=75, optimize=True)
    o.reference("optimized.jpg", "jpeg")
    # An embedded ICC profile (XYZ, far from sRGB): PIL ignores it, so must convcut.
    from PIL import ImageCms
    xyz = ImageCms.ImageCmsProfile(ImageCms.createProfile("XYZ")).tobytes()
    Image.fromarray(pic).save(o.path("icc_xyz.jpg"), quality=90, icc_profile=xyz)
    o.reference("icc_xyz.jpg", "jpeg")
    Image.fromarray(pic).save(o.path("icc_xyz.png"), icc_profile=xyz)
    o.reference("icc_xyz.png", "png")
    Image.fromarray(natural(61, 83, 1)).save(o.path("grey.jpg"), quality=90)
    o.reference("grey.jpg", "jpeg")
    Image.fromarray(natural(61, 83, 4), "CMYK").save(o.path("cmyk.jpg"), quality=90)
    o.reference("cmyk.jpg", "jpeg-cmyk")
    # BMP, TIFF, GIF, PNM.
    Image.fromarray(pic).save(o.path("rgb24.bmp"))
    o.reference("rgb24.bmp", "exact")
    p.save(o.path("palette8.bmp"))
    o.reference("palette8.bmp", "exact")
    Image.fromarray(natural(29, 41, 1)).save(o.path("grey8.bmp"))
    o.reference("grey8.bmp", "exact")
    Image.fromarray(noise((h, w)) > 127).save(o.path("bilevel.bmp"))
    o.reference("bilevel.bmp", "exact")
    Image.fromarray(pic).save(o.path("rgb.tif"))
    o.reference("rgb.tif", "exact")
    Image.fromarray(pic).save(o.path("rgb_lzw.tif"), compression="tiff_lzw")
    o.reference("rgb_lzw.tif", "exact")
    Image.fromarray(natural(29, 41, 1)).save(o.path("grey.tif"))
    o.reference("grey.tif", "exact")
    p.save(o.path("palette.gif"))
    o.reference("palette.gif", "exact")
    Image.fromarray(pic).save(o.path("rgb.ppm"))
    o.reference("rgb.ppm", "exact")
    Image.fromarray(natural(29, 41, 1)).save(o.path("grey.pgm"))
    o.reference("grey.pgm", "exact")
    Image.fromarray(noise((h, w)) > 127).save(o.path("bitmap.pbm"))
    o.reference("bitmap.pbm", "exact")
    a = noise((7, 9, 3), 101)
    with open(o.path("maxval100.ppm"), "wb") as f:
        f.write(b"P6\n# a comment\n9 7\n100\n" + a.astype(np.uint8).tobytes())
    o.reference("maxval100.ppm", "exact")
    a = noise((7, 9, 3), 1001)
    with open(o.path("maxval1000.ppm"), "wb") as f:
        f.write(b"P6 9 7 1000\n" + a.astype(">u2").tobytes())
    o.reference("maxval1000.ppm", "exact")
    # 16-bit PGM: PIL reads mode I and clips to 255 on convert; convcut scales like PIL's 16-bit PPM.
    a = noise((h, w), 65536, np.uint16)
    with open(o.path("grey16.pgm"), "wb") as f:
        f.write(b"P5\n%d %d\n65535\n" % (w, h) + a.astype(">u2").tobytes())
    o.reference("grey16.pgm", "png16", high=o.raw("grey16.pgm.high.raw", np.rint(a / 65535 * 255).astype(np.uint8)[None]))
    a = noise((5, 6), 256)
    with open(o.path("plain.pgm"), "wb") as f:
        f.write(b"P2\n6 5\n255\n" + "\n".join(" ".join(str(v) for v in r) for r in a).encode() + b"\n")
    o.reference("plain.pgm", "exact")
    Image.fromarray(noise((13, 17, 3))).save(o.path("lossless.webp"), lossless=True)
    o.cases.append({"file": "lossless.webp", "kind": "unsupported"})


def resample_cases(o):
    """Pillow's resize(size, BILINEAR[, box]) on RGB and L images of many sizes."""
    sources = {"rgb_40x57": natural(40, 57, 3), "l_31x23": natural(31, 23, 1), "rgb_1x1": noise((1, 1, 3)),
               "l_1x9": noise((1, 9)), "rgb_300x200": natural(300, 200, 3), "l_7x1": noise((7, 1))}
    plans = {
        "rgb_40x57": [(40, 57, None), (80, 114, None), (20, 28, None), (5, 7, None), (1, 1, None), (39, 56, None),
                      (41, 60, None), (113, 3, None), (40, 57, (0.5, 0.25, 50.5, 33.75)), (16, 16, (3, 4, 19, 20)),
                      (10, 10, (3, 4, 19, 20)), (32, 32, (2.3, 1.7, 45.1, 39.9)), (7, 9, (0, 0, 57, 40)),
                      (40, 57, (0, 0, 57, 40.0)), (64, 64, (10.1, 10.2, 10.1, 30.7))],
        "l_31x23": [(62, 46, None), (3, 2, None), (31, 11, None), (9, 23, None), (100, 100, (1.5, 2.5, 20.25, 30.5))],
        "rgb_1x1": [(1, 1, None), (5, 3, None), (2, 2, (0, 0, 0.5, 0.5))],
        "l_1x9": [(4, 2, None), (1, 20, None)],
        "rgb_300x200": [(224, 224, None), (17, 13, None), (256, 170, None), (13, 299, None), (600, 400, None),
                        (224, 224, (12.0, 30.0, 180.0, 260.0))],
        "l_7x1": [(2, 5, None), (30, 1, None)],
    }
    for name, a in sources.items():
        src = Image.fromarray(a)
        o.raw(name + ".raw", src)
        for i, (h, w, box) in enumerate(plans[name]):
            out = src.resize((w, h), Image.BILINEAR, box=box)
            o.cases.append({"source": name + ".raw", "channels": 3 if a.ndim == 3 else 1, "height": a.shape[0],
                            "width": a.shape[1], "outHeight": h, "outWidth": w, "box": box,
                            "expected": o.raw(f"{name}_{i}.raw", out)})


def eval_cases(o):
    """torchvision's Resize(S) + CenterCrop(C) on PIL images, as uint8 before ToTensor."""
    from torchvision import transforms
    sources = {"rgb_375x500": natural(375, 500, 3), "rgb_500x375": natural(500, 375, 3), "l_60x41": natural(60, 41, 1),
               "rgb_1x1": noise((1, 1, 3)), "rgb_256x256": natural(256, 256, 3), "rgb_17x300": natural(17, 300, 3)}
    plans = [(256, 224), (224, 224), (32, 32), (0, 20), (100, 120), (7, 5), (256, 300), (0, 301), (41, 40)]
    for name, a in sources.items():
        src = Image.fromarray(a)
        o.raw(name + ".raw", src)
        for resize, crop in plans:
            steps = ([transforms.Resize(resize)] if resize else []) + [transforms.CenterCrop(crop)]
            out = transforms.Compose(steps)(src)
            o.cases.append({"source": name + ".raw", "channels": 3 if a.ndim == 3 else 1, "height": a.shape[0],
                            "width": a.shape[1], "resize": resize, "crop": crop,
                            "expected": o.raw(f"{name}_{resize}_{crop}.raw", out)})


def bench(folder):
    """The JPEGs JpegDecodeBenchmark reads, and PIL's rate on them: images per CPU second, best of 3."""
    import io
    import time
    data = []
    for i in range(40):
        buf = io.BytesIO()
        Image.fromarray(natural(375, 500, 3)).save(buf, "JPEG", quality=90)
        data.append(buf.getvalue())
        with open(os.path.join(folder, f"img{i:02d}.jpg"), "wb") as f:
            f.write(buf.getvalue())
    best = 0
    for _ in range(3):
        cpu, wall, n = time.process_time(), time.perf_counter(), 0
        while time.perf_counter() - wall < 3:
            Image.open(io.BytesIO(data[n % len(data)])).convert("RGB")
            n += 1
        best = max(best, n / (time.process_time() - cpu))
    print(f"PIL {Image.__version__}: Image.open(BytesIO).convert('RGB') {best:.1f} images/s per core (CPU time, best of 3)")


def main(argv):
    what, folder = argv[1], argv[2]
    if what == "bench":
        bench(folder)
        return
    o = Out(folder)
    if what == "reference":
        for name in argv[3:]:
            o.reference(name, "jpeg-cmyk")
    else:
        {"decode": decode_cases, "resample": resample_cases, "eval": eval_cases}[what](o)
    o.write()


if __name__ == "__main__":
    main(sys.argv)
