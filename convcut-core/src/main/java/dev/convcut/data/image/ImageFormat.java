package dev.convcut.data.image;

/**
 * The container format of image bytes, recognised from their first bytes as PIL does (by
 * content, never by the file name's extension).
 */
enum ImageFormat {
  JPEG, PNG, BMP, TIFF, GIF, PNM, WEBP, UNKNOWN;

  static ImageFormat sniff(byte[] d) {
    if (starts(d, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (starts(d, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (starts(d, 'B', 'M')) {
      return BMP;
    }
    if (starts(d, 'I', 'I', 42, 0) || starts(d, 'M', 'M', 0, 42)) {
      return TIFF;
    }
    if (starts(d, 'G', 'I', 'F', '8')) {
      return GIF;
    }
    if (d.length >= 2 && d[0] == 'P' && d[1] >= '1' && d[1] <= '6') {
      return PNM;
    }
    if (starts(d, 'R', 'I', 'F', 'F') && d.length >= 12 && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
      return WEBP;
    }
    return UNKNOWN;
  }

  private static boolean starts(byte[] d, int... magic) {
    if (d.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((d[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
