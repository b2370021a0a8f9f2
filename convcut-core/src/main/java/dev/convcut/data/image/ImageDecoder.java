package dev.convcut.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Image files to 8-bit pixels as PIL's {@code Image.open(f).convert("RGB")} or
 * {@code .convert("L")} gives them, the input of torchvision's ImageFolder: JPEG (TwelveMonkeys
 * reader, libjpeg colour conversion), PNG/BMP/TIFF/GIF (JDK ImageIO), PBM/PGM/PPM (own parser).
 * The format is recognised from the content, as PIL does. Thread-safe: every call uses its own
 * reader, and ImageIO's disk cache is off so no temporary files are written.
 */
public final class ImageDecoder {
  static {
    ImageIO.setUseCache(false);
  }

  private ImageDecoder() {}

  /** Decodes the file to channels 3 (RGB) or 1 (L); throws BadImageException naming the file and why. */
  public static Raster decode(Path file, int channels) throws BadImageException {
    checkChannels(channels);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadImageException(file, "no such file", e);
    } catch (IOException e) {
      throw new BadImageException(file, "cannot be read: " + e, e);
    }
    return decode(data, file, channels);
  }

  /** Decodes in-memory file contents; nameForMessages names them in a BadImageException. */
  public static Raster decode(byte[] data, String nameForMessages, int channels) throws BadImageException {
    checkChannels(channels);
    Path name;
    try {
      name = Path.of(nameForMessages);
    } catch (InvalidPathException e) {
      name = Path.of(nameForMessages.replace('\0', '?'));
    }
    return decode(data, name, channels);
  }

  private static Raster decode(byte[] data, Path name, int channels) {
    if (data.length == 0) {
      throw new BadImageException(name, "empty file (0 bytes), not an image");
    }
    ImageFormat format = ImageFormat.sniff(data);
    if (format == ImageFormat.UNKNOWN) {
      throw new BadImageException(name, "not an image: content matches no known image format (" + data.length
          + " bytes starting " + hexStart(data) + ")");
    }
    if (format == ImageFormat.WEBP) {
      throw new BadImageException(name, "unsupported format: WebP (no WebP decoder on the class path)");
    }
    try {
      Raster decoded = switch (format) {
        case JPEG -> JpegDecoder.decode(data);
        case PNM -> PnmDecoder.decode(data);
        default -> ImageIoDecoder.decode(data, format);
      };
      return ModeConversion.toChannels(decoded, channels);
    } catch (IOException | RuntimeException e) {
      throw new BadImageException(name, "corrupt or truncated " + format + " data: " + reason(e), e);
    }
  }

  private static String reason(Throwable e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      s.append(" (").append(c.getClass().getSimpleName()).append(c.getMessage() == null ? "" : ": " + c.getMessage())
          .append(')');
    }
    return s.toString();
  }

  private static String hexStart(byte[] d) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(8, d.length); i++) {
      s.append(String.format("%02x", d[i] & 0xFF));
    }
    return s.toString();
  }

  private static void checkChannels(int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 (L) or 3 (RGB), got " + channels);
    }
  }
}
