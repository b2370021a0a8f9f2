package dev.convcut.data.image;

/**
 * What a JPEG's markers say about its colour space, decided as libjpeg does
 * ({@code default_decompress_parms}): the component count and ids of the frame header, whether
 * a JFIF (APP0) or Adobe (APP14) marker was seen, and the Adobe transform flag.
 */
record JpegHeader(int components, int[] componentIds, boolean jfif, int adobeTransform, boolean hasEndMarker) {
  static final int NO_ADOBE = -1;

  /** The colour space libjpeg decodes the components from. */
  enum Space { GRAY, YCBCR, RGB, CMYK, YCCK }

  Space space() {
    switch (components) {
      case 1:
        return Space.GRAY;
      case 3:
        if (jfif) {
          return Space.YCBCR;
        }
        if (adobeTransform != NO_ADOBE) {
          return adobeTransform == 0 ? Space.RGB : Space.YCBCR;
        }
        return componentIds[0] == 'R' && componentIds[1] == 'G' && componentIds[2] == 'B' ? Space.RGB : Space.YCBCR;
      case 4:
        return adobeTransform == NO_ADOBE || adobeTransform == 0 ? Space.CMYK : Space.YCCK;
      default:
        throw new IllegalArgumentException("unsupported JPEG with " + components + " colour components");
    }
  }

  /** Reads the markers up to the first scan; the end marker is searched after it. */
  static JpegHeader parse(byte[] d) {
    int components = 0;
    int[] ids = new int[0];
    boolean jfif = false;
    int adobe = NO_ADOBE;
    int p = 2;
    while (p + 4 <= d.length) {
      if ((d[p] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("corrupt JPEG data: no marker at byte " + p);
      }
      int marker = d[p + 1] & 0xFF;
      if (marker == 0xFF) {
        p++;
        continue;
      }
      int length = ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF);
      int body = p + 4;
      if (marker == 0xDA) {
        return new JpegHeader(components, ids, jfif, adobe, hasEnd(d, body));
      }
      if (body + length - 2 > d.length) {
        break;
      }
      if (isFrame(marker) && length >= 8) {
        components = d[body + 5] & 0xFF;
        ids = new int[components];
        for (int i = 0; i < components && body + 6 + 3 * i < d.length; i++) {
          ids[i] = d[body + 6 + 3 * i] & 0xFF;
        }
      } else if (marker == 0xE0 && length >= 7 && text(d, body, "JFIF\0")) {
        jfif = true;
      } else if (marker == 0xEE && length >= 14 && text(d, body, "Adobe")) {
        adobe = d[body + 11] & 0xFF;
      }
      p = body + length - 2;
    }
    throw new IllegalArgumentException("truncated JPEG data: the file ends before the first scan");
  }

  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static boolean text(byte[] d, int at, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (at + i >= d.length || d[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Entropy-coded data never contains FF D9 (FF is stuffed), so its absence means truncation. */
  private static boolean hasEnd(byte[] d, int from) {
    for (int i = from; i + 1 < d.length; i++) {
      if (d[i] == (byte) 0xFF && d[i + 1] == (byte) 0xD9) {
        return true;
      }
    }
    return false;
  }
}
