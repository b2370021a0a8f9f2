package dev.convcut.data.image;

import java.io.File;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a YCCK JPEG (Adobe transform 2), which PIL cannot save: the JDK's writer stores the
 * four components of a CMYK JPEG's raster as YCCK when the Adobe marker says so. The picture
 * differs from the CMYK one; only PIL's reading of the new file matters.
 */
final class YcckJpeg {
  private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

  private YcckJpeg() {}

  static void write(Path cmykJpeg, Path out) throws Exception {
    ImageReader reader = jdk(ImageIO.getImageReadersByFormatName("jpeg"));
    java.awt.image.Raster raster;
    IIOMetadata metadata;
    try (ImageInputStream in = ImageIO.createImageInputStream(cmykJpeg.toFile())) {
      reader.setInput(in);
      raster = reader.readRaster(0, null);
      metadata = reader.getImageMetadata(0);
    }
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
    ((IIOMetadataNode) root.getElementsByTagName("app14Adobe").item(0)).setAttribute("transform", "2");
    metadata.setFromTree(FORMAT, root);
    ImageWriter writer = jdk(ImageIO.getImageWritersByFormatName("jpeg"));
    File file = out.toFile();
    try (ImageOutputStream o = ImageIO.createImageOutputStream(file)) {
      writer.setOutput(o);
      writer.write(new IIOImage(raster, null, metadata));
    }
  }

  private static <T> T jdk(Iterator<T> it) {
    while (it.hasNext()) {
      T t = it.next();
      if (t.getClass().getName().startsWith("com.sun.imageio")) {
        return t;
      }
    }
    throw new IllegalStateException("no JDK JPEG reader/writer");
  }
}
