package dev.convcut.report.plot;

/**
 * One rendered plot: the PNG bytes, the file name it is saved under in the report folder, and the
 * title and caption the HTML page shows with it.
 */
public record Figure(String fileName, String title, String caption, int width, int height, byte[] png) {
  public Figure {
    if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.png")) {
      throw new IllegalArgumentException("figure file name must be a plain *.png name, got '" + fileName + "'");
    }
  }
}
