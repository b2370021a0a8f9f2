package dev.convcut.tensorize.select;

/** What an automatic compression reduces: convolution parameters or multiply-adds. */
public enum Resource {
  PARAMS("parameters"),
  MACS("multiply-adds");

  private final String words;

  Resource(String words) {
    this.words = words;
  }

  /** The plain-words name, for messages. */
  public String words() {
    return words;
  }
}
