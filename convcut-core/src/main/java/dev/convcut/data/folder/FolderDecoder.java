package dev.convcut.data.folder;

import dev.convcut.ConvcutException;
import dev.convcut.data.ImageSet;
import dev.convcut.data.image.BadImageException;
import dev.convcut.data.image.EvalTransform;
import dev.convcut.data.image.ImageDecoder;
import dev.convcut.data.image.Raster;
import dev.convcut.io.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes the images of a listing on several threads and applies the evaluation transform,
 * giving 8-bit images of one size in torchvision's order. Unreadable images fail the whole split,
 * every one named (the first ten), unless they are to be skipped.
 */
final class FolderDecoder {
  private static final int NAMED = 10;

  private FolderDecoder() {}

  static DecodedSplit decode(String dataset, String split, FolderListing listing, FolderOptions o, Progress progress) {
    List<Sample> samples = listing.samples();
    int n = samples.size();
    int c = o.channels();
    int side = o.crop();
    int bytes = c * side * side;
    if ((long) n * bytes > Integer.MAX_VALUE - 16) {
      throw new ConvcutException(listing.root() + ": " + n + " images of " + c + "x" + side + "x" + side + " need "
          + String.format(java.util.Locale.ROOT, "%.1f", (double) n * bytes / (1 << 30)) + " GiB, above the 2 GiB one split"
          + " can hold in memory; evaluate a subset of the images or a smaller crop");
    }
    EvalTransform transform = new EvalTransform(o.resize(), side);
    byte[] pixels = new byte[n * bytes];
    int[] heights = new int[n];
    int[] widths = new int[n];
    String[] bad = new String[n];
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(o.decodingThreads(), r -> {
      Thread t = new Thread(r, "convcut-decode");
      t.setDaemon(true);
      return t;
    });
    try {
      int chunk = Math.max(1, Math.min(256, n / (8 * o.decodingThreads()) + 1));
      List<Future<?>> work = new ArrayList<>();
      for (int start = 0; start < n; start += chunk) {
        int from = start;
        int to = Math.min(n, start + chunk);
        work.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            try {
              Raster raw = ImageDecoder.decode(samples.get(i).file(), c);
              heights[i] = raw.height();
              widths[i] = raw.width();
              System.arraycopy(transform.apply(raw).pixels(), 0, pixels, i * bytes, bytes);
            } catch (BadImageException e) {
              bad[i] = e.getMessage();
            }
            long d = done.incrementAndGet();
            if (progress != null && (d & 63) == 0) {
              synchronized (progress) {
                progress.step(64, null);
              }
            }
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvcutException("interrupted while decoding " + listing.root(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new ConvcutException("could not decode the images of " + listing.root() + ": " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
    List<String> skipped = Arrays.stream(bad).filter(b -> b != null).toList();
    if (!skipped.isEmpty() && !o.skipBad()) {
      throw new ConvcutException(skipped.size() + " of " + n + " images in " + listing.root() + " could not be read"
          + " (leave them out with the skip-bad option):\n  " + String.join("\n  ", skipped.subList(0, Math.min(NAMED, skipped.size())))
          + (skipped.size() > NAMED ? "\n  ... and " + (skipped.size() - NAMED) + " more" : ""));
    }
    int kept = n - skipped.size();
    if (kept == 0) {
      throw new ConvcutException("none of the " + n + " images in " + listing.root() + " could be read:\n  "
          + String.join("\n  ", skipped.subList(0, Math.min(NAMED, skipped.size()))));
    }
    if (!skipped.isEmpty()) {
      byte[] compact = new byte[kept * bytes];
      int[] labels = new int[kept];
      int[] h = new int[kept];
      int[] w = new int[kept];
      for (int i = 0, k = 0; i < n; i++) {
        if (bad[i] == null) {
          System.arraycopy(pixels, i * bytes, compact, k * bytes, bytes);
          labels[k] = samples.get(i).label();
          h[k] = heights[i];
          w[k++] = widths[i];
        }
      }
      return new DecodedSplit(new ImageSet(dataset, split, c, side, side, listing.classes(), compact, labels), h, w, skipped, false);
    }
    int[] labels = samples.stream().mapToInt(Sample::label).toArray();
    return new DecodedSplit(new ImageSet(dataset, split, c, side, side, listing.classes(), pixels, labels), heights, widths, skipped,
        false);
  }
}
