package dev.convcut.data;

/**
 * A dataset convcut knows: its spec, its file format and, where one exists, the Debian package
 * that installs it under {@code /usr/share/datasets}.
 *
 * @param aptPackage the Debian package's name, or null when there is none
 */
record KnownDataset(DatasetSpec spec, DatasetFormat format, String aptPackage) {

  String name() {
    return spec.name();
  }
}
