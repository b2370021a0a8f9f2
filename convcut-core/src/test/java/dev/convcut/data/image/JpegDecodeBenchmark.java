package dev.convcut.data.image;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Single-thread JPEG decode speed of the JDK's ImageIO reader and TwelveMonkeys' reader, to
 * planar RGB as convcut needs it: raw components plus convcut's libjpeg colour conversion, and
 * {@code read()} (the reader's own libjpeg conversion) plus de-interleaving. Reports images per
 * second of thread CPU time (per core; robust on a shared machine), best of the rounds. Not a
 * test: run by hand as docs/image-decoding-notes.md shows. Arguments: a folder of JPEGs,
 * seconds per variant and round, rounds.
 */
public final class JpegDecodeBenchmark {
  private JpegDecodeBenchmark() {}

  interface Decode {
    Raster run(byte[] data) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    ImageIO.setUseCache(false);
    List<byte[]> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
        files.add(Files.readAllBytes(p));
      }
    }
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    ImageReaderSpi jdk = spi("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi");
    ImageReaderSpi tm = JpegDecoder.SPI;
    JpegHeader.Space ycc = JpegHeader.Space.YCBCR;
    Map<String, Decode> variants = new LinkedHashMap<>();
    variants.put("JDK ImageIO: readRaster + convcut colour conversion",
        d -> JpegDecoder.toRaster(JpegDecoder.readRaw(jdk, d), ycc));
    variants.put("TwelveMonkeys: readRaster + convcut colour conversion",
        d -> JpegDecoder.toRaster(JpegDecoder.readRaw(tm, d), ycc));
    variants.put("JDK ImageIO: read() + de-interleave", d -> ImageIoDecoder.toRaster(JpegDecoder.read(jdk, d, r -> r.read(0))));
    variants.put("TwelveMonkeys: read() + de-interleave", d -> ImageIoDecoder.toRaster(JpegDecoder.read(tm, d, r -> r.read(0))));
    variants.put("ImageDecoder.decode (TwelveMonkeys, chosen path)", d -> ImageDecoder.decode(d, "bench.jpg", 3));
    Map<String, Double> best = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Decode> v : variants.entrySet()) {
        double rate = time(v.getValue(), files, seconds);
        best.merge(v.getKey(), rate, Math::max);
        System.out.printf("round %d  %-55s %7.1f images per CPU second%n", round, v.getKey(), rate);
      }
    }
    System.out.println("best of " + rounds + " rounds, " + files.size() + " files:");
    best.forEach((k, v) -> System.out.printf("  %-55s %7.1f images/s per core%n", k, v));
  }

  private static double time(Decode decode, List<byte[]> files, double seconds) throws Exception {
    for (int i = 0; i < files.size(); i++) {
      decode.run(files.get(i));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int n = 0;
    while (System.nanoTime() < end) {
      decode.run(files.get(n % files.size()));
      n++;
    }
    return n / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
  }

  private static ImageReaderSpi spi(String className) {
    Iterator<ImageReaderSpi> it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
    while (it.hasNext()) {
      ImageReaderSpi s = it.next();
      if (s.getClass().getName().equals(className)) {
        return s;
      }
    }
    throw new IllegalStateException(className + " not registered");
  }
}
