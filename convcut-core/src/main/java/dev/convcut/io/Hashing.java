package dev.convcut.io;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of files, for provenance and for checking downloads. */
public final class Hashing {
  private Hashing() {}

  /** The lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw new ConvcutException(file + ": missing", e);
    } catch (IOException e) {
      throw new ConvcutException("could not read " + file + ": " + IoReason.of(e, file), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The lower-case hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
