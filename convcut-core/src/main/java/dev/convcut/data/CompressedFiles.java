package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads dataset files that may or may not be gzipped, deciding by the gzip magic bytes rather than
 * the name (Debian re-compresses some, users unpack others). A damaged gzip stream fails with a
 * {@link ConvcutException} naming the file and how far into it the damage was found.
 */
final class CompressedFiles {
  private static final int BUFFER = 1 << 16;

  private CompressedFiles() {}

  /** Whether {@code file} starts with the gzip magic bytes {@code 1f 8b}. */
  static boolean isGzip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Opens {@code file} for streaming, unpacking gzip on the fly when the magic bytes say so. The
   * stream throws {@link ConvcutException} naming the file if the gzip data is damaged.
   */
  static InputStream open(Path file) {
    boolean gz = gzipped(file);
    try {
      InputStream raw = Files.newInputStream(file);
      if (!gz) {
        return new BufferedInputStream(raw, BUFFER);
      }
      Counting compressed = new Counting(raw);
      return new GzipGuard(file, compressed, new GZIPInputStream(compressed, BUFFER));
    } catch (ZipException | EOFException e) {
      throw new ConvcutException(file + ": corrupt gzip header: " + e.getMessage(), e);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static boolean gzipped(Path file) {
    boolean gz = isGzip(file);
    if (!gz && file.getFileName().toString().endsWith(".gz")) {
      // A .gz name on data without the magic is a damaged download, not an unpacked file.
      throw new ConvcutException(file + ": corrupt gzip data at byte 0: the file does not start with the gzip magic bytes 1f 8b");
    }
    return gz;
  }

  static ConvcutException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new ConvcutException(file + ": no such file");
    }
    return new ConvcutException("could not read " + file + ": " + e, e);
  }

  /** Counts the bytes read through it, to say where in a file a problem was found. */
  static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Turns the inflater's terse failures into a message naming the file and offsets. */
  private static final class GzipGuard extends FilterInputStream {
    private final Path file;
    private final Counting compressed;
    private long unpacked;

    GzipGuard(Path file, Counting compressed, InputStream gunzip) {
      super(gunzip);
      this.file = file;
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        if (n > 0) {
          unpacked += n;
        }
        return n;
      } catch (ZipException | EOFException e) {
        String why = e instanceof EOFException ? "the file ends in the middle of the compressed stream" : e.getMessage();
        throw new ConvcutException(file + ": corrupt gzip data near compressed byte " + compressed.count()
            + " (after " + unpacked + " bytes were unpacked): " + why, e);
      }
    }
  }
}
