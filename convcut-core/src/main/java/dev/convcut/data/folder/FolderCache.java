package dev.convcut.data.folder;

import dev.convcut.ConvcutException;
import dev.convcut.data.ImageSet;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Hashing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preprocessed splits kept on disk, so the second and later evaluations of an image folder read
 * one file instead of decoding every image. A split is keyed by the SHA-256 of every image's
 * path, size, modification time and label, the transform, the channels, the skip rule and this
 * format's version: a changed, added or removed file, or another preprocessing, is another key.
 * Files are written atomically; one that does not read back whole is ignored and rewritten.
 */
final class FolderCache {
  private static final Logger LOG = LoggerFactory.getLogger(FolderCache.class);
  /** Bump when the decoder or the transform change what a cached image holds. */
  static final String VERSION = "convcut-imagefolder-cache/1 pillow-bilinear";
  private static final int MAGIC = 0x43564931; // "CVI1"

  private FolderCache() {}

  /** The key of {@code listing}'s images under {@code o}'s preprocessing. */
  static String key(String split, FolderListing listing, FolderOptions o) {
    String text = VERSION + "\n" + split + "\n" + o.describeTransform() + " skip-bad=" + o.skipBad() + "\n" + describe(listing);
    return Hashing.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The classes, then every image's absolute path, size, modification time (ms) and label, a line each. */
  static String describe(FolderListing listing) {
    StringBuilder text = new StringBuilder(String.join("\t", listing.classes())).append('\n');
    for (Sample s : listing.samples()) {
      long size;
      long modified;
      try {
        BasicFileAttributes a = Files.readAttributes(s.file(), BasicFileAttributes.class);
        size = a.size();
        modified = a.lastModifiedTime().toMillis();
      } catch (NoSuchFileException e) {
        size = -1;
        modified = -1;
      } catch (IOException e) {
        throw new ConvcutException("could not read the size of " + s.file() + ": " + e.getMessage(), e);
      }
      text.append(s.file().toAbsolutePath()).append('\t').append(size).append('\t').append(modified).append('\t')
          .append(s.label()).append('\n');
    }
    return text.toString();
  }

  /** The cached split at {@code file}, if it is there and reads back whole. */
  static Optional<DecodedSplit> read(Path file, String dataset, String split, List<String> classes) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a convcut image cache");
      }
      int n = in.readInt();
      int c = in.readInt();
      int h = in.readInt();
      int w = in.readInt();
      int[] labels = new int[n];
      int[] heights = new int[n];
      int[] widths = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = in.readInt();
        heights[i] = in.readInt();
        widths[i] = in.readInt();
      }
      int skippedCount = in.readInt();
      List<String> skipped = new ArrayList<>();
      for (int i = 0; i < skippedCount; i++) {
        skipped.add(in.readUTF());
      }
      byte[] pixels = new byte[Math.multiplyExact(n, Math.multiplyExact(c, h * w))];
      in.readFully(pixels);
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
      return Optional.of(new DecodedSplit(new ImageSet(dataset, split, c, h, w, classes, pixels, labels), heights, widths, skipped,
          true));
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring the unreadable image cache {} ({}); decoding again", file, e.toString());
      return Optional.empty();
    }
  }

  /** Writes {@code s} to {@code file} atomically. */
  static void write(Path file, DecodedSplit s) {
    ImageSet set = s.images();
    AtomicFiles.write(file, raw -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20));
      out.writeInt(MAGIC);
      out.writeInt(set.size());
      out.writeInt(set.channels());
      out.writeInt(set.height());
      out.writeInt(set.width());
      for (int i = 0; i < set.size(); i++) {
        out.writeInt(set.labels()[i]);
        out.writeInt(s.heights()[i]);
        out.writeInt(s.widths()[i]);
      }
      out.writeInt(s.skipped().size());
      for (String line : s.skipped()) {
        out.writeUTF(line.length() > 20_000 ? line.substring(0, 20_000) : line);
      }
      out.write(set.pixels());
      out.flush();
    });
  }
}
