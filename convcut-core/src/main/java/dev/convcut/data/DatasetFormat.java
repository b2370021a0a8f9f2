package dev.convcut.data;

import java.nio.file.Path;
import java.util.List;

/**
 * How one dataset's files are named, laid out, read and unpacked after a download: the one place
 * a new dataset of fixed files plugs in ({@link Datasets#register}). convcut's are the IDX files
 * of MNIST and Fashion-MNIST ({@code IdxFormat}) and the CIFAR binary and Python versions ({@code
 * CifarFormat}).
 */
public interface DatasetFormat {

  /** The dataset's files as a folder of them holds them, for listings and messages. */
  List<String> fileNames();

  /** Whether {@code folder} holds any of the dataset's files or its archive. */
  boolean recognizes(Path folder);

  /** Reads and validates one split from {@code source}, a folder or an archive. */
  ImageSet read(DatasetSpec spec, Path source, Split split, LabelKind labels);

  /** The files at {@code source} that make up the dataset (for sizes and SHA-256 digests). */
  List<Path> files(Path source);

  /** Where the official files come from. */
  String officialBaseUrl();

  /** The files to download, each with its published checksum. */
  List<RemoteFile> downloads();

  /** Turns freshly downloaded files in {@code folder} into the layout {@link #read} expects. */
  void unpack(Path folder);

  /** One downloadable file and its published MD5 checksum. */
  record RemoteFile(String name, String md5) {}
}
