#!/usr/bin/env python3
"""Writes the image folders convcut's imagefolder tests read, with Debian's Pillow.

  folder_fixture.py layout ROOT   class folders with awkward names, nested folders, mixed and
                                  upper-case extensions, hidden files and non-image files
  folder_fixture.py modes ROOT    train/ and val/ of JPEG (baseline, progressive, grayscale, CMYK)
                                  and PNG (L, LA, P with transparency, RGB, RGBA, I;16) at odd sizes
"""
import os
import sys

import numpy as np
from PIL import Image

rng = np.random.default_rng(7)


def smooth(w, h, channels):
    """A smooth image with some noise: like a photo, unlike white noise (which JPEG would mangle)."""
    y, x = np.mgrid[0:h, 0:w]
    planes = []
    for c in range(channels):
        f = 0.5 + 0.5 * np.sin(x / (3.0 + 7 * c + w / 9.0) + c) * np.cos(y / (4.0 + 5 * c + h / 11.0))
        planes.append(np.clip(f * 235 + rng.normal(0, 6, (h, w)), 0, 255))
    a = np.stack(planes, axis=-1).astype(np.uint8)
    return a[:, :, 0] if channels == 1 else a


def save(path, image, **kw):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image.save(path, **kw)


def layout(root):
    names = ["b_class", "A_class", "z class", "\u00fcn\u00efcode", "a.dotted"]
    for k, name in enumerate(names):
        d = os.path.join(root, name)
        for i, fname in enumerate(["img10.png", "img2.PNG", "img1.jpeg", "Img0.JPG", ".hidden.png", "c.bmp"]):
            img = Image.fromarray(smooth(12 + i, 9 + k, 3))
            save(os.path.join(d, fname), img, format={"png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "bmp": "BMP"}[fname.rsplit(".", 1)[1].lower()])
        save(os.path.join(d, "sub", "deeper", "x.png"), Image.fromarray(smooth(7, 5, 3)))
        save(os.path.join(d, "sub", "a.png"), Image.fromarray(smooth(6, 5, 3)))
        save(os.path.join(d, "sub2.png"), Image.fromarray(smooth(5, 5, 3)))
        with open(os.path.join(d, "notes.txt"), "w") as f:
            f.write("not an image\n")
        with open(os.path.join(d, "image.gif"), "wb") as f:
            f.write(b"GIF89a")
    with open(os.path.join(root, "README.txt"), "w") as f:
        f.write("a file beside the class folders\n")


def modes(root):
    sizes = [(500, 375), (375, 500), (17, 300), (1, 1), (64, 48), (225, 224), (31, 7)]
    for split in ["train", "val"]:
        for k, cls in enumerate(["bird", "cat", "dog", "fish"]):
            d = os.path.join(root, split, cls)
            for i, (w, h) in enumerate(sizes):
                j = (i + k) % 10
                if j == 0:
                    save(os.path.join(d, f"{i}_baseline.jpg"), Image.fromarray(smooth(w, h, 3)), quality=90)
                elif j == 1:
                    save(os.path.join(d, f"{i}_progressive.jpg"), Image.fromarray(smooth(w, h, 3)), quality=85, progressive=True)
                elif j == 2:
                    save(os.path.join(d, f"{i}_gray.jpg"), Image.fromarray(smooth(w, h, 1)), quality=90)
                elif j == 3:
                    save(os.path.join(d, f"{i}_cmyk.jpg"), Image.fromarray(smooth(w, h, 3)).convert("CMYK"), quality=95)
                elif j == 4:
                    save(os.path.join(d, f"{i}_l.png"), Image.fromarray(smooth(w, h, 1)))
                elif j == 5:
                    la = Image.fromarray(np.dstack([smooth(w, h, 1), smooth(w, h, 1)[::-1]]), "LA")
                    save(os.path.join(d, f"{i}_la.png"), la)
                elif j == 6:
                    p = Image.fromarray(smooth(w, h, 3)).quantize(64)
                    save(os.path.join(d, f"{i}_palette.png"), p, transparency=0)
                elif j == 7:
                    save(os.path.join(d, f"{i}_rgb.png"), Image.fromarray(smooth(w, h, 3)))
                elif j == 8:
                    rgba = Image.fromarray(np.dstack([smooth(w, h, 3), smooth(w, h, 1)]), "RGBA")
                    save(os.path.join(d, f"{i}_rgba.png"), rgba)
                else:
                    save(os.path.join(d, f"{i}_rgb.bmp"), Image.fromarray(smooth(w, h, 3)))


if __name__ == "__main__":
    {"layout": layout, "modes": modes}[sys.argv[1]](sys.argv[2])
