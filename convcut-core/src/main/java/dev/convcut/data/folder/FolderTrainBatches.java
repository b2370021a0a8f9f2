package dev.convcut.data.folder;

import dev.convcut.ConvcutException;
import dev.convcut.data.BatchSource;
import dev.convcut.data.Normalization;
import dev.convcut.data.image.BadImageException;
import dev.convcut.data.image.ImageDecoder;
import dev.convcut.data.image.Raster;
import dev.convcut.data.image.TrainTransform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The training split of an image folder, decoded as training goes: each batch's files are
 * decoded on a pool of threads, cropped with torchvision's {@code RandomResizedCrop} and flipped
 * ({@link TrainTransform}), and normalized; while the network trains on one batch, the files of the
 * next are already being decoded. Each image draws its own stream from the caller's, in batch
 * order, so the same stream state gives the same batch whatever the thread count.
 * Decoded originals are kept between epochs while they fit in 2 GiB (and a quarter of the heap):
 * a dataset of small images (Fashion-MNIST's 47 MB) is decoded once, a large one as it goes.
 * Unreadable images fail the batch, naming the file, unless they are to be skipped; then the
 * sample is replaced by the next readable image of the batch's order.
 */
public final class FolderTrainBatches implements BatchSource, AutoCloseable {
  /** At most this many bytes of decoded originals are kept between epochs (and a quarter of the heap). */
  static final long KEPT_BYTES = 2L << 30;

  private final List<Sample> samples;
  private final int channels;
  private final int crop;
  private final boolean skipBad;
  private final float[][] tables;
  private final TrainTransform transform;
  private final ExecutorService pool;
  private final Map<Integer, Future<Raster>> ahead = new HashMap<>();
  /** Decoded originals kept for later epochs (small images: every epoch after the first decodes nothing). */
  private final java.util.concurrent.atomic.AtomicReferenceArray<Raster> decoded;
  private final java.util.concurrent.atomic.AtomicLong keptBytes = new java.util.concurrent.atomic.AtomicLong();
  private final long budget;

  FolderTrainBatches(List<Sample> samples, FolderOptions o, Normalization normalization) {
    if (normalization.channels() != o.channels()) {
      throw new IllegalArgumentException("normalization has " + normalization.channels() + " channels, images " + o.channels());
    }
    this.samples = List.copyOf(samples);
    this.channels = o.channels();
    this.crop = o.crop();
    this.skipBad = o.skipBad();
    this.transform = TrainTransform.standard(crop);
    this.tables = new float[channels][];
    for (int c = 0; c < channels; c++) {
      tables[c] = normalization.table(c);
    }
    this.decoded = new java.util.concurrent.atomic.AtomicReferenceArray<>(this.samples.size());
    this.budget = Math.min(KEPT_BYTES, Runtime.getRuntime().maxMemory() / 4);
    this.pool = Executors.newFixedThreadPool(o.decodingThreads(), r -> {
      Thread t = new Thread(r, "convcut-train-decode");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public int size() {
    return samples.size();
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return crop;
  }

  @Override
  public int width() {
    return crop;
  }

  @Override
  public void assemble(int[] indices, int from, int count, float[] out, int[] labels, SplittableRandom random) {
    if (from < 0 || count < 0 || from + count > indices.length) {
      throw new IllegalArgumentException("indices " + from + ".." + (from + count) + " outside 0.." + indices.length);
    }
    if ((long) count * imageFloats() > out.length || count > labels.length) {
      throw new IllegalArgumentException("a batch of " + count + " needs " + (long) count * imageFloats() + " floats");
    }
    if (random == null) {
      throw new IllegalArgumentException("random resized crops need a random stream");
    }
    long[] seeds = new long[count];
    for (int b = 0; b < count; b++) {
      seeds[b] = random.nextLong();
    }
    Future<?>[] work = new Future<?>[count];
    for (int b = 0; b < count; b++) {
      int slot = b;
      int index = indices[from + b];
      Future<Raster> decoded = raw(index);
      work[b] = pool.submit(() -> {
        Raster image = readable(decoded, indices, from + slot, count);
        write(transform.apply(image, new SplittableRandom(seeds[slot])), out, slot * imageFloats());
        return null;
      });
      labels[b] = samples.get(index).label();
    }
    try {
      for (Future<?> f : work) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvcutException("interrupted while decoding training images", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new ConvcutException("could not decode a training image: " + e.getCause(), e);
    }
    // The next batch of this order decodes while the network trains on this one.
    ahead.values().forEach(f -> f.cancel(false));
    ahead.clear();
    for (int b = from + count; b < Math.min(indices.length, from + 2 * count); b++) {
      ahead.computeIfAbsent(indices[b], this::decodeLater);
    }
  }

  /** The decoded image at {@code index}: kept from an earlier epoch, prefetched, or decoded now. */
  private Future<Raster> raw(int index) {
    Future<Raster> f = ahead.remove(index);
    return f != null ? f : decodeLater(index);
  }

  private Future<Raster> decodeLater(int index) {
    Raster kept = decoded.get(index);
    if (kept != null) {
      return java.util.concurrent.CompletableFuture.completedFuture(kept);
    }
    Sample s = samples.get(index);
    return pool.submit(() -> keep(index, ImageDecoder.decode(s.file(), channels)));
  }

  /** Keeps the decoded original for later epochs while the originals kept fit in the budget. */
  private Raster keep(int index, Raster image) {
    long size = image.pixels().length + 64L;
    if (keptBytes.addAndGet(size) <= budget) {
      decoded.set(index, image);
    } else {
      keptBytes.addAndGet(-size);
    }
    return image;
  }

  /** The image of slot {@code at}, or with skipping the next readable one of the epoch's order. */
  private Raster readable(Future<Raster> decoded, int[] indices, int at, int count) throws Exception {
    try {
      return decoded.get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof BadImageException bad) || !skipBad) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
      for (int k = 1; k < indices.length; k++) {
        Sample s = samples.get(indices[(at + k) % indices.length]);
        try {
          return ImageDecoder.decode(s.file(), channels);
        } catch (BadImageException again) {
          // keep looking
        }
      }
      throw bad;
    }
  }

  private void write(Raster image, float[] out, int at) {
    byte[] pixels = image.pixels();
    int plane = crop * crop;
    for (int c = 0; c < channels; c++) {
      float[] table = tables[c];
      int base = c * plane;
      for (int i = 0; i < plane; i++) {
        out[at + base + i] = table[pixels[base + i] & 0xff];
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
